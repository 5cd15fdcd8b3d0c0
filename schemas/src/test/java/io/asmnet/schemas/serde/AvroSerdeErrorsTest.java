package io.asmnet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroSerdeErrorsTest {
  private final AvroSerde<PoseEvent> poses = WireSerdes.poseEvent();

  @Test
  void shouldRejectNullPayload() {
    assertThatThrownBy(() -> poses.deserialize("poses", null))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("null payload")
        .hasMessageContaining("io.asmnet.schemas.avro.PoseEvent");
  }

  @Test
  void shouldRejectEmptyPayload() {
    assertThatThrownBy(() -> poses.deserialize("poses", new byte[0]))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("empty payload");
  }

  @Test
  void shouldRejectWrongMagicAndRecogniseJson() {
    byte[] json = "{\"cameraId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> poses.deserialize("poses", json))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("wrong magic marker 7B 22")
        .hasMessageContaining("look like JSON");
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 42L, 1_000L})
  void shouldRejectRandomGarbage(long seed) {
    byte[] garbage = new byte[64 + (int) (seed % 50)];
    new Random(seed).nextBytes(garbage);

    assertThatThrownBy(() -> poses.deserialize("poses", garbage))
        .isExactlyInstanceOf(WireFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 42L, 1_000L, 77L, 123_456L})
  void shouldRejectGarbageBodyBehindAValidHeader(long seed) {
    byte[] valid = poses.encode(Samples.poseEvent());
    byte[] bytes = Arrays.copyOf(valid, 10 + 40);
    byte[] garbage = new byte[40];
    new Random(seed).nextBytes(garbage);
    System.arraycopy(garbage, 0, bytes, 10, garbage.length);

    Throwable thrown = catchThrowable(() -> poses.deserialize("poses", bytes));

    assertThat(thrown)
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("corrupt");
  }

  @Test
  void shouldRejectHugeDeclaredLengthWithoutAllocatingIt() {
    // Header, then cameraId with a declared length of 2^30 bytes (zig-zag varint) and no data.
    byte[] header = Arrays.copyOf(WireSerdes.frame().encode(Samples.frame()), 10);
    byte[] bytes = Arrays.copyOf(header, 15);
    byte[] varint = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
    System.arraycopy(varint, 0, bytes, 10, varint.length);

    assertThatThrownBy(() -> WireSerdes.frame().deserialize("frames", bytes))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("corrupt or truncated io.asmnet.schemas.avro.Frame body");
  }

  @Test
  void shouldRejectEveryTruncationOfAValidRecord() {
    byte[] valid = poses.encode(Samples.poseEvent());

    for (int length = 0; length < valid.length; length++) {
      byte[] cut = Arrays.copyOf(valid, length);
      Throwable thrown = catchThrowable(() -> poses.deserialize("poses", cut));
      assertThat(thrown)
          .as("cut at %d of %d bytes", length, valid.length)
          .isExactlyInstanceOf(WireFormatException.class);
    }
  }

  @Test
  void shouldRejectEveryTruncationOfAFrameAfterItsHeader() {
    AvroSerde<Frame> frames = WireSerdes.frame();
    byte[] valid = frames.encode(Samples.frame());

    // Every cut in the fields, and a sample of cuts inside the 48 KB payload.
    for (int length = 0; length < valid.length; length += length < 200 ? 1 : 997) {
      byte[] cut = Arrays.copyOf(valid, length);
      Throwable thrown = catchThrowable(() -> frames.deserialize("frames", cut));
      assertThat(thrown).as("cut at %d", length).isExactlyInstanceOf(WireFormatException.class);
    }
    assertThat(catchThrowable(() -> frames.decode(Arrays.copyOf(valid, valid.length - 1))))
        .isExactlyInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldNameTheCutInTheMessage() {
    byte[] valid = poses.encode(Samples.poseEvent());

    assertThatThrownBy(() -> poses.decode(Arrays.copyOf(valid, 5)))
        .hasMessageStartingWith("truncated header: 5 bytes");
    assertThatThrownBy(() -> poses.decode(Arrays.copyOf(valid, valid.length / 2)))
        .hasMessageStartingWith("corrupt or truncated io.asmnet.schemas.avro.PoseEvent body");
  }

  @Test
  void shouldRejectTrailingBytes() {
    byte[] valid = poses.encode(Samples.poseEvent());

    assertThatThrownBy(() -> poses.decode(Arrays.copyOf(valid, valid.length + 3)))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("trailing bytes");
  }

  @Test
  void shouldNameTheFingerprintAndTypeWhenAFrameReachesThePoseEventDeserializer() {
    AvroSerde<Frame> frames = WireSerdes.frame();
    byte[] frameBytes = frames.encode(Samples.frame());

    assertThatThrownBy(() -> poses.deserialize("poses", frameBytes))
        .isExactlyInstanceOf(UnknownSchemaException.class)
        .hasMessageContaining("unknown schema fingerprint " + WireTypes.hex(frames.fingerprint()))
        .hasMessageContaining("expected a io.asmnet.schemas.avro.PoseEvent")
        .hasMessageContaining("these bytes are a io.asmnet.schemas.avro.Frame");
  }

  @Test
  void shouldRejectConfluentFramingWithAHint() {
    byte[] confluent = {0, 0, 0, 0, 7, 2, 'x'};

    assertThatThrownBy(() -> poses.decode(confluent))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("Confluent");
  }
}
