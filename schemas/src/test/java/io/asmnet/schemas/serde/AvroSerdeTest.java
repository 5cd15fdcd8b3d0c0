package io.asmnet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  @Test
  void shouldRoundTripFrame() {
    Frame frame = Samples.frame();
    AvroSerde<Frame> serde = WireSerdes.frame();

    Frame back =
        serde.deserializer().deserialize("frames", serde.serializer().serialize("frames", frame));

    assertThat(back).isEqualTo(frame);
    assertThat(back.getPayload().remaining()).isEqualTo(48_213);
  }

  @Test
  void shouldRoundTripPoseEventWithTwoFacesOf68Landmarks() {
    PoseEvent event = Samples.poseEvent();
    AvroSerde<PoseEvent> serde = WireSerdes.poseEvent();

    PoseEvent back = serde.deserialize("poses", serde.serialize("poses", event));

    assertThat(back).isEqualTo(event);
    assertThat(back.getFaces()).hasSize(2);
    assertThat(back.getFaces().get(1).getLandmarks())
        .hasSize(68)
        .isEqualTo(event.getFaces().get(1).getLandmarks());
  }

  @Test
  void shouldRoundTripDeadLetter() {
    DeadLetter letter = Samples.deadLetter();
    AvroSerde<DeadLetter> serde = WireSerdes.deadLetter();

    assertThat(serde.deserialize("dlq", serde.serialize("dlq", letter))).isEqualTo(letter);
  }

  @Test
  void shouldWriteSingleObjectHeaderWithLittleEndianSchemaFingerprint() {
    byte[] bytes = WireSerdes.poseEvent().encode(Samples.poseEvent());

    long expected = SchemaNormalization.parsingFingerprint64(PoseEvent.getClassSchema());
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong())
        .isEqualTo(expected)
        .isEqualTo(WireSerdes.poseEvent().fingerprint());
  }

  @Test
  void shouldInteroperateWithAvrosOwnMessageEncoderAndDecoder() throws Exception {
    Frame frame = Samples.frame();
    AvroSerde<Frame> serde = WireSerdes.frame();
    ByteBuffer theirs = Frame.getEncoder().encode(frame);
    byte[] theirBytes = new byte[theirs.remaining()];
    theirs.get(theirBytes);

    // A generic reader: Avro's generated fromByteBuffer is refused by Avro 1.12's class check.
    GenericRecord fromOurs =
        new BinaryMessageDecoder<GenericRecord>(GenericData.get(), Frame.getClassSchema())
            .decode(serde.encode(frame));

    assertThat(serde.decode(theirBytes)).isEqualTo(frame);
    assertThat(fromOurs.get("cameraId").toString()).isEqualTo("lobby-cam-02");
    assertThat(fromOurs.get("payload")).isEqualTo(frame.getPayload());
  }

  @Test
  void shouldSerializeNullAsTombstoneButNotEncodeIt() {
    AvroSerde<Frame> serde = WireSerdes.frame();

    assertThat(serde.serialize("frames", null)).isNull();
    assertThatThrownBy(() -> serde.encode(null))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("null io.asmnet.schemas.avro.Frame");
  }

  @Test
  void shouldReportAnIncompleteRecordAsWireFormatException() {
    Frame incomplete = new Frame(); // the no-arg constructor leaves required fields null

    assertThatThrownBy(() -> WireSerdes.frame().encode(incomplete))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("cannot encode io.asmnet.schemas.avro.Frame");
  }

  @Test
  void shouldServeManyThreadsWithOneInstance() throws Exception {
    AvroSerde<PoseEvent> serde = WireSerdes.poseEvent();
    PoseEvent event = Samples.poseEvent();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results =
          pool.invokeAll(
              IntStream.range(0, 8)
                  .<java.util.concurrent.Callable<Boolean>>mapToObj(
                      i ->
                          () -> {
                            for (int n = 0; n < 500; n++) {
                              if (!serde.decode(serde.encode(event)).equals(event)) {
                                return false;
                              }
                            }
                            return true;
                          })
                  .toList());
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldKeyByCameraIdInUtf8() {
    byte[] key = WireSerdes.cameraKey().serializer().serialize("frames", "caméra-é");

    assertThat(key).isEqualTo("caméra-é".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
