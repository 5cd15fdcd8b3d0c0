package io.asmnet.trainer.teacher;

import io.asmnet.trainer.loss.SymmetricEigen;

/**
 * The rotation, scale and translation that best map one 3-D point set onto another in least squares
 * (Horn's closed form with unit quaternions, so the rotation is always proper, never a reflection).
 *
 * @param rotation row-major 3x3, maps source directions to target directions
 * @param scale target units per source unit
 */
public record SimilarityFit(double[] rotation, double scale) {
  /**
   * @param source n x (x, y, z) interleaved
   * @param target the same points, same order
   */
  public static SimilarityFit of(double[] source, double[] target) {
    if (source.length != target.length || source.length % 3 != 0 || source.length < 9) {
      throw new IllegalArgumentException("need two equal sets of at least 3 points");
    }
    double[] a = centred(source);
    double[] b = centred(target);
    double[][] s = new double[3][3];
    double aa = 0;
    for (int i = 0; i < a.length; i += 3) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          s[r][c] += a[i + r] * b[i + c];
        }
        aa += a[i + r] * a[i + r];
      }
    }
    double[][] n = {
      {s[0][0] + s[1][1] + s[2][2], s[1][2] - s[2][1], s[2][0] - s[0][2], s[0][1] - s[1][0]},
      {s[1][2] - s[2][1], s[0][0] - s[1][1] - s[2][2], s[0][1] + s[1][0], s[2][0] + s[0][2]},
      {s[2][0] - s[0][2], s[0][1] + s[1][0], -s[0][0] + s[1][1] - s[2][2], s[1][2] + s[2][1]},
      {s[0][1] - s[1][0], s[2][0] + s[0][2], s[1][2] + s[2][1], -s[0][0] - s[1][1] + s[2][2]}
    };
    double[] q = SymmetricEigen.of(n).vectors()[0];
    double w = q[0];
    double x = q[1];
    double y = q[2];
    double z = q[3];
    double[] r = {
      1 - 2 * (y * y + z * z),
      2 * (x * y - w * z),
      2 * (x * z + w * y),
      2 * (x * y + w * z),
      1 - 2 * (x * x + z * z),
      2 * (y * z - w * x),
      2 * (x * z - w * y),
      2 * (y * z + w * x),
      1 - 2 * (x * x + y * y)
    };
    double[] ra = rotate(r, a);
    double ab = 0;
    for (int i = 0; i < a.length; i++) {
      ab += ra[i] * b[i];
    }
    return new SimilarityFit(r, aa > 0 ? ab / aa : 1);
  }

  /** Points moved so their centroid is the origin. */
  public static double[] centred(double[] xyz) {
    double[] mean = new double[3];
    for (int i = 0; i < xyz.length; i++) {
      mean[i % 3] += xyz[i] / (xyz.length / 3);
    }
    double[] out = new double[xyz.length];
    for (int i = 0; i < xyz.length; i++) {
      out[i] = xyz[i] - mean[i % 3];
    }
    return out;
  }

  /** R p for every point p. */
  public static double[] rotate(double[] r, double[] xyz) {
    double[] out = new double[xyz.length];
    for (int i = 0; i < xyz.length; i += 3) {
      for (int row = 0; row < 3; row++) {
        out[i + row] =
            r[3 * row] * xyz[i] + r[3 * row + 1] * xyz[i + 1] + r[3 * row + 2] * xyz[i + 2];
      }
    }
    return out;
  }
}
