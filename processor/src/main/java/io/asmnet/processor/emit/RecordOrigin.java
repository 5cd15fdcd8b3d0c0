package io.asmnet.processor.emit;

import java.util.Objects;

/**
 * Where an input record came from, for its dead letter.
 *
 * @param key the original key bytes, or null
 * @param timestampMs the record's timestamp, ms since the Unix epoch
 */
public record RecordOrigin(String topic, int partition, long offset, byte[] key, long timestampMs) {
  public RecordOrigin {
    Objects.requireNonNull(topic, "topic");
  }
}
