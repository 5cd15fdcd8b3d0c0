package io.asmnet.processor.metrics;

import java.util.Objects;

/**
 * Health of one part of the processor besides Kafka Streams (the inference batcher): healthy, or
 * not with a reason for a person. An unhealthy component makes {@code /health/live} and {@code
 * /health/ready} answer 503.
 *
 * @param detail why it is unhealthy ("ok" when healthy)
 */
public record ComponentHealth(boolean healthy, String detail) {
  public static final ComponentHealth UP = new ComponentHealth(true, "ok");

  public ComponentHealth {
    Objects.requireNonNull(detail, "detail");
  }

  public static ComponentHealth down(String detail) {
    return new ComponentHealth(false, detail);
  }
}
