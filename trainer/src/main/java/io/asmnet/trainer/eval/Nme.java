package io.asmnet.trainer.eval;

/**
 * Normalised mean error of one face: the mean Euclidean distance between predicted and true points
 * divided by the true outer-eye-corner distance (points 36 and 45, 0-based; the "inter-ocular"
 * normalisation of 300-W results). A fraction: 0.05 is 5 %.
 */
public final class Nme {
  /** A face whose NME exceeds this counts as a failure (failure rate at 0.1). */
  public static final double FAILURE_THRESHOLD = 0.1;

  private static final int OUTER_LEFT = 36;
  private static final int OUTER_RIGHT = 45;

  private Nme() {}

  /**
   * @param predicted 136 coordinates
   * @param truth 136 coordinates, same units
   * @throws IllegalArgumentException if the true eye corners coincide
   */
  public static double of(float[] predicted, float[] truth) {
    if (predicted.length != truth.length || truth.length != 136) {
      throw new IllegalArgumentException("expected 136 coordinates in both shapes");
    }
    double interocular = distance(truth, OUTER_LEFT, truth, OUTER_RIGHT);
    if (!(interocular > 0)) {
      throw new IllegalArgumentException("true outer eye corners coincide: cannot normalise");
    }
    double sum = 0;
    for (int i = 0; i < 68; i++) {
      sum += distance(predicted, i, truth, i);
    }
    return sum / 68 / interocular;
  }

  /** Whether a face with this NME is a failure (strictly above the threshold). */
  public static boolean isFailure(double nme) {
    return nme > FAILURE_THRESHOLD;
  }

  private static double distance(float[] a, int i, float[] b, int j) {
    double dx = (double) a[2 * i] - b[2 * j];
    double dy = (double) a[2 * i + 1] - b[2 * j + 1];
    return Math.sqrt(dx * dx + dy * dy);
  }
}
