package io.asmnet.trainer.eval;

import io.asmnet.trainer.data.Sample;
import java.util.List;

/**
 * Accuracy on one subset.
 *
 * @param subset name ("common", "challenging", "full", ...)
 * @param faces number of faces
 * @param nme mean NME, a fraction (x 100 for the % that papers print)
 * @param failureRate fraction of faces with NME above {@link Nme#FAILURE_THRESHOLD}
 * @param yawMae mean absolute yaw error, degrees (plain difference: poses stay within +-90)
 * @param pitchMae mean absolute pitch error, degrees
 * @param rollMae mean absolute roll error, degrees
 */
public record SubsetMetrics(
    String subset,
    int faces,
    double nme,
    double failureRate,
    double yawMae,
    double pitchMae,
    double rollMae) {
  public SubsetMetrics {
    if (faces <= 0) {
      throw new IllegalArgumentException("a subset needs at least one face");
    }
  }

  /** Scores predictions against their samples (same order, same length). */
  public static SubsetMetrics of(String subset, List<Sample> truth, List<Prediction> predicted) {
    if (truth.size() != predicted.size()) {
      throw new IllegalArgumentException(
          truth.size() + " samples but " + predicted.size() + " predictions");
    }
    double nme = 0;
    int failures = 0;
    double[] poseError = new double[3];
    for (int i = 0; i < truth.size(); i++) {
      Sample s = truth.get(i);
      Prediction p = predicted.get(i);
      double e = Nme.of(p.landmarks(), s.landmarks());
      nme += e;
      failures += Nme.isFailure(e) ? 1 : 0;
      float[] t = s.pose().toArray();
      float[] q = p.pose().toArray();
      for (int k = 0; k < 3; k++) {
        poseError[k] += Math.abs((double) q[k] - t[k]);
      }
    }
    int n = truth.size();
    return new SubsetMetrics(
        subset,
        n,
        nme / n,
        failures / (double) n,
        poseError[0] / n,
        poseError[1] / n,
        poseError[2] / n);
  }
}
