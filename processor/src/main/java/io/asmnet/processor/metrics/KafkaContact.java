package io.asmnet.processor.metrics;

import java.util.Objects;

/**
 * Whether this instance can reach Kafka, as {@link KafkaContactWatch} last saw it.
 *
 * @param status {@code UNKNOWN} before the first probe (or without a watch), then {@code CONNECTED}
 *     or {@code LOST}
 * @param lostSeconds how long the contact has been lost, whole seconds; 0 unless {@code LOST}
 */
public record KafkaContact(Status status, long lostSeconds) {

  /** Not probed (yet). */
  public static final KafkaContact UNKNOWN = new KafkaContact(Status.UNKNOWN, 0);

  /** The broker answered the last probe. */
  public static final KafkaContact CONNECTED = new KafkaContact(Status.CONNECTED, 0);

  /** The three states of the contact. */
  public enum Status {
    UNKNOWN,
    CONNECTED,
    LOST
  }

  public KafkaContact {
    Objects.requireNonNull(status, "status");
    if (lostSeconds < 0 || (status != Status.LOST && lostSeconds != 0)) {
      throw new IllegalArgumentException("lostSeconds " + lostSeconds + " with status " + status);
    }
  }

  /** Lost for {@code seconds} (>= 0). */
  public static KafkaContact lost(long seconds) {
    return new KafkaContact(Status.LOST, seconds);
  }

  public boolean isLost() {
    return status == Status.LOST;
  }
}
