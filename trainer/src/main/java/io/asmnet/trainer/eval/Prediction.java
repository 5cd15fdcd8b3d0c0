package io.asmnet.trainer.eval;

import io.asmnet.trainer.data.HeadPose;

/**
 * What a model says about one {@link io.asmnet.trainer.data.Sample}.
 *
 * @param landmarks 136 floats, x0, y0, ..., in crop pixels (0..224), iBUG order
 * @param pose yaw, pitch, roll in degrees, our convention
 */
public record Prediction(float[] landmarks, HeadPose pose) {
  public Prediction {
    if (landmarks.length != 136) {
      throw new IllegalArgumentException("expected 136 coordinates, got " + landmarks.length);
    }
    if (pose == null) {
      throw new IllegalArgumentException("pose is required");
    }
  }
}
