package io.asmnet.schemas.serde;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of our topics. Values: {@link AvroSerde} in Avro single-object encoding. Keys: the
 * camera id as a UTF-8 string ({@link #cameraKey()}); a dead letter keeps the original key bytes.
 * Each call returns a new instance (they are cheap and immutable, so sharing one is fine too).
 */
public final class WireSerdes {
  private WireSerdes() {}

  /** Values of the frames topic. */
  public static AvroSerde<Frame> frame() {
    return AvroSerde.of(Frame.class);
  }

  /** Values of the pose events topic. */
  public static AvroSerde<PoseEvent> poseEvent() {
    return AvroSerde.of(PoseEvent.class);
  }

  /** Values of the dead-letter topic. */
  public static AvroSerde<DeadLetter> deadLetter() {
    return AvroSerde.of(DeadLetter.class);
  }

  /** Keys of the frames and pose events topics: the camera id, UTF-8. */
  public static Serde<String> cameraKey() {
    return Serdes.String();
  }
}
