package io.asmnet.processor.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Bucket layouts of our histograms. Video work is ms-range: timers publish only these service-level
 * bounds (13 buckets and +Inf per series, instead of the ~70 of Micrometer's percentile histogram),
 * enough for p50/p95/p99 by interpolation and matched exactly by the dashboards and alerts (33 ms:
 * one frame at 30 fps).
 */
final class Histograms {

  /** Fixed latency bounds, seconds in Prometheus' {@code le} label (0.001 ... 5.0). */
  static final Duration[] LATENCY_SLOS = {
    ms(1), ms(2), ms(5), ms(10), ms(20), ms(33), ms(50), ms(100), ms(200), ms(500), ms(1000),
    ms(2000), ms(5000)
  };

  /** Batch-size bounds, faces: every small size, then roughly x1.5 steps. */
  static final double[] BATCH_BUCKETS = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128};

  private Histograms() {}

  /** {@code builder} with the latency histogram layout. */
  static Timer.Builder latency(Timer.Builder builder) {
    return builder.serviceLevelObjectives(LATENCY_SLOS);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
