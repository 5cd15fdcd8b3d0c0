package io.asmnet.processor.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples (any unit). */
record Percentiles(long count, double p50, double p95, double p99, double max, double mean) {

  static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  static Percentiles of(double[] samples) {
    if (samples.length == 0) {
      return EMPTY;
    }
    double[] s = samples.clone();
    Arrays.sort(s);
    return new Percentiles(s.length, rank(s, 0.50), rank(s, 0.95), rank(s, 0.99), s[s.length - 1],
        Arrays.stream(s).average().orElse(Double.NaN));
  }

  private static double rank(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
