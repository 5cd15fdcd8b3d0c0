package io.asmnet.trainer.eval;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.Sample;
import java.util.Collections;
import java.util.List;

/**
 * The baseline every model must beat: the same shape and pose for every face, the means of the
 * (unaugmented) training crops. In crop pixels and degrees.
 */
public final class MeanShapePredictor implements LandmarkPredictor {
  private final Prediction mean;
  private final int faces;

  /**
   * @param training crops to average; at least one
   */
  public MeanShapePredictor(List<Sample> training) {
    if (training.isEmpty()) {
      throw new IllegalArgumentException("the mean shape needs training samples");
    }
    float[] xy = new float[training.get(0).landmarks().length];
    double[] pose = new double[3];
    for (Sample s : training) {
      for (int i = 0; i < xy.length; i++) {
        xy[i] += s.landmarks()[i] / training.size();
      }
      float[] p = s.pose().toArray();
      for (int i = 0; i < 3; i++) {
        pose[i] += p[i] / training.size();
      }
    }
    this.faces = training.size();
    this.mean = new Prediction(xy, new HeadPose((float) pose[0], (float) pose[1], (float) pose[2]));
  }

  /** How many training crops the mean is of. */
  public int faces() {
    return faces;
  }

  /** The mean shape and pose. */
  public Prediction mean() {
    return mean;
  }

  @Override
  public List<Prediction> predict(List<Sample> batch) {
    return Collections.nCopies(batch.size(), mean);
  }
}
