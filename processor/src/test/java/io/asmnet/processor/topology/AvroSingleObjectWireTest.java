package io.asmnet.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSingleObjectWireTest {
  private final WireFormat wire = new AvroSingleObjectWire();

  @Test
  void shouldRoundTripAFrameWithTheSingleObjectMarker() {
    Frame frame = Frame.newBuilder().setCameraId("c").setSequence(1).setCaptureTimeMs(2).setCodec(Codec.PNG)
        .setPayload(ByteBuffer.wrap(new byte[] {1, 2})).build();

    byte[] bytes = wire.frames().serializer().serialize("frames", frame);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(wire.frames().deserializer().deserialize("frames", bytes)).isEqualTo(frame);
  }

  @Test
  void shouldRejectBytesOfAnotherSchema() {
    byte[] deadLetterBytes = wire.deadLetters().serializer().serialize("x",
        new DeadLetterFixture().deadLetter());

    assertThatThrownBy(() -> wire.frames().deserializer().deserialize("frames", deadLetterBytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("expected schema");
    assertThatThrownBy(() -> wire.frames().deserializer().deserialize("frames", new byte[] {1, 2, 3}))
        .isInstanceOf(SerializationException.class);
  }

  private static final class DeadLetterFixture {
    io.asmnet.schemas.avro.DeadLetter deadLetter() {
      return io.asmnet.schemas.avro.DeadLetter.newBuilder().setSourceTopic("t").setPartition(0).setOffset(0)
          .setTimestampMs(0).setErrorKind(io.asmnet.schemas.avro.ErrorKind.INTERNAL).setMessage("m")
          .setPayload(ByteBuffer.allocate(0)).build();
    }
  }
}
