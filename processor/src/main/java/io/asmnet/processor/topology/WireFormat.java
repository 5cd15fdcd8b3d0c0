package io.asmnet.processor.topology;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the three topics. The frame serde's deserializer throws a {@link
 * RuntimeException} for bytes that are not a Frame, which the topology turns into a BAD_SCHEMA
 * dead letter.
 */
public interface WireFormat {
  Serde<Frame> frames();

  Serde<PoseEvent> poseEvents();

  Serde<DeadLetter> deadLetters();
}
