package io.asmnet.trainer.loss;

import java.util.Arrays;
import java.util.List;

/** Fits an {@link AsmOperator} (PCA) to a training set's normalised shapes. */
public final class AsmFitter {
  /** The paper's choice: the fewest components that explain 90 % of the variance. */
  public static final double DEFAULT_VARIANCE = 0.9;

  private AsmFitter() {}

  /**
   * @param shapes at least two shapes of equal length
   * @param variance fraction of the total variance to keep, in (0, 1]
   */
  public static AsmOperator fit(List<float[]> shapes, double variance) {
    if (shapes.size() < 2) {
      throw new IllegalArgumentException("PCA needs at least two shapes, got " + shapes.size());
    }
    if (!(variance > 0 && variance <= 1)) {
      throw new IllegalArgumentException("variance fraction must be in (0, 1], got " + variance);
    }
    int d = shapes.get(0).length;
    double[] mean = new double[d];
    for (float[] s : shapes) {
      if (s.length != d) {
        throw new IllegalArgumentException("shapes differ in length: " + s.length + " vs " + d);
      }
      for (int i = 0; i < d; i++) {
        mean[i] += s[i] / (double) shapes.size();
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(covariance(shapes, mean));
    double[] values = Arrays.stream(eigen.values()).map(v -> Math.max(v, 0)).toArray();
    int k = componentsFor(values, variance);
    double total = Arrays.stream(values).sum();
    double kept = total == 0 ? 1 : Arrays.stream(values, 0, k).sum() / total;
    return new AsmOperator(
        mean, Arrays.copyOf(eigen.vectors(), k), Arrays.copyOf(values, k), variance, kept);
  }

  /** The fewest leading eigenvalues (sorted, largest first) whose share reaches the target. */
  static int componentsFor(double[] sortedValues, double variance) {
    double total = Arrays.stream(sortedValues).sum();
    double sum = 0;
    for (int k = 0; k < sortedValues.length; k++) {
      sum += sortedValues[k];
      // A tiny tolerance, so that exactly 90 % counts as reaching 90 %.
      if (sum >= variance * total * (1 - 1e-12)) {
        return k + 1;
      }
    }
    return sortedValues.length;
  }

  private static double[][] covariance(List<float[]> shapes, double[] mean) {
    int d = mean.length;
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (float[] s : shapes) {
      for (int i = 0; i < d; i++) {
        centred[i] = s[i] - mean[i];
      }
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          cov[i][j] += centred[i] * centred[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        cov[i][j] /= shapes.size() - 1;
        cov[j][i] = cov[i][j];
      }
    }
    return cov;
  }
}
