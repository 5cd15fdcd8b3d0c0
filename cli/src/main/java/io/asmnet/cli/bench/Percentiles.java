package io.asmnet.cli.bench;

import io.asmnet.cli.replay.Stats;
import java.util.Arrays;
import java.util.List;

/**
 * Nearest-rank percentiles of a set of samples (any unit), as {@link Stats} computes them for
 * {@code asmnet replay}; a record so that the e2e JSON results keep their shape.
 */
record Percentiles(long count, double p50, double p95, double p99, double max, double mean) {

  static final Percentiles EMPTY =
      new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  static Percentiles of(double[] samples) {
    if (samples.length == 0) {
      return EMPTY;
    }
    List<Double> s = Arrays.stream(samples).boxed().toList();
    return new Percentiles(
        s.size(),
        Stats.percentile(s, 50),
        Stats.percentile(s, 95),
        Stats.percentile(s, 99),
        Stats.percentile(s, 100),
        Stats.mean(s));
  }
}
