package io.asmnet.processor.topology;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireFormat;
import io.asmnet.schemas.serde.WireSerdes;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The processor's topics: frames in (key camera id), pose events out (key camera id), dead letters
 * out (key: the original key bytes).
 */
public record Topics(
    Topic<String, Frame> frames,
    Topic<String, PoseEvent> poseEvents,
    Topic<byte[], DeadLetter> deadLetters) {

  public Topics {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(poseEvents, "poseEvents");
    Objects.requireNonNull(deadLetters, "deadLetters");
  }

  /** The named topics in single-object encoding (the default wire format). */
  public static Topics of(ProcessorConfig.TopicNames names) {
    return of(names, WireFormat.singleObject());
  }

  /** The named topics with the value serdes of {@code wire} (which stays the caller's to close). */
  public static Topics of(ProcessorConfig.TopicNames names, WireFormat wire) {
    return new Topics(
        new Topic<>(names.frames(), WireSerdes.cameraKey(), wire.frames()),
        new Topic<>(names.poseEvents(), WireSerdes.cameraKey(), wire.poseEvents()),
        new Topic<>(names.deadLetters(), Serdes.ByteArray(), wire.deadLetters()));
  }
}
