package io.asmnet.trainer.train;

/**
 * Validation figure shown while training: mean point-to-point error divided by the outer-eye-
 * corner distance (points 36 and 45 of the 68-point layout), in percent. The eval package owns
 * the full set of benchmark metrics; this is the one number the progress bar needs.
 */
public final class InterOcularNme {
  private static final int LEFT_EYE_OUTER = 36;
  private static final int RIGHT_EYE_OUTER = 45;

  private InterOcularNme() {}

  /** NME of one face in percent; both arrays x0, y0, x1, ... in the same pixel units. */
  public static double of(float[] predicted, float[] truth) {
    if (predicted.length != truth.length || truth.length != 136) {
      throw new IllegalArgumentException("inter-ocular NME needs two 68-point shapes");
    }
    double norm =
        Math.hypot(
            truth[2 * LEFT_EYE_OUTER] - truth[2 * RIGHT_EYE_OUTER],
            truth[2 * LEFT_EYE_OUTER + 1] - truth[2 * RIGHT_EYE_OUTER + 1]);
    if (!(norm > 0)) {
      throw new IllegalArgumentException("eye corners coincide: no inter-ocular distance");
    }
    double sum = 0;
    for (int i = 0; i < truth.length; i += 2) {
      sum += Math.hypot(predicted[i] - truth[i], predicted[i + 1] - truth[i + 1]);
    }
    return 100 * sum / (truth.length / 2) / norm;
  }
}
