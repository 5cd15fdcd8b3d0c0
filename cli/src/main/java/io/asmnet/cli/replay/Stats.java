package io.asmnet.cli.replay;

import java.util.Arrays;
import java.util.List;

/** Summary statistics of samples; null for an empty sample. */
public final class Stats {
  private Stats() {}

  public static Double mean(List<Double> values) {
    return values.isEmpty()
        ? null
        : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  public static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = sorted(values);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Nearest-rank percentile: the smallest value with at least p % of the sample at or below. */
  public static Double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = sorted(values);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  public static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static double[] sorted(List<Double> values) {
    double[] out = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
