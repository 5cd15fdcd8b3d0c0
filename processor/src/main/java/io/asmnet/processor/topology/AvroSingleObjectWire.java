package io.asmnet.processor.topology;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Avro single-object encoding (marker C3 01, schema fingerprint, binary body) through the
 * generated classes' own encoders. A stand-in until the schemas module's serdes land; swap it in
 * {@code ProcessorApp} (one line). Null stays null (tombstones).
 */
public final class AvroSingleObjectWire implements WireFormat {
  private final Serde<Frame> frames = serde(Frame.getEncoder(), decoder(Frame.getClassSchema()));
  private final Serde<PoseEvent> poseEvents = serde(PoseEvent.getEncoder(), decoder(PoseEvent.getClassSchema()));
  private final Serde<DeadLetter> deadLetters = serde(DeadLetter.getEncoder(), decoder(DeadLetter.getClassSchema()));

  @Override
  public Serde<Frame> frames() {
    return frames;
  }

  @Override
  public Serde<PoseEvent> poseEvents() {
    return poseEvents;
  }

  @Override
  public Serde<DeadLetter> deadLetters() {
    return deadLetters;
  }

  private static <T> BinaryMessageDecoder<T> decoder(Schema schema) {
    return new BinaryMessageDecoder<>(new TrustedSpecificData(), schema);
  }

  private static <T> Serde<T> serde(BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder) {
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : encode(encoder, value),
        (topic, bytes) -> bytes == null ? null : decode(decoder, bytes));
  }

  private static <T> byte[] encode(BinaryMessageEncoder<T> encoder, T value) {
    try {
      ByteBuffer buf = encoder.encode(value);
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T decode(BinaryMessageDecoder<T> decoder, byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("not a single-object encoded record of the expected schema ("
          + bytes.length + " bytes): " + e.getMessage(), e);
    }
  }
}
