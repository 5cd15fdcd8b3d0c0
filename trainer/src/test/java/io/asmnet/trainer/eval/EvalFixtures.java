package io.asmnet.trainer.eval;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.Sample;

/** Test helper: hand-made samples and predictions. */
final class EvalFixtures {
  /** Outer eye corners 36 and 45 are this far apart in {@link #truth()}. */
  static final float INTEROCULAR = 80;

  private EvalFixtures() {}

  /** A shape with 36 at (70, 100) and 45 at (150, 100), the rest spread in the crop. */
  static float[] truth() {
    float[] p = new float[136];
    for (int i = 0; i < 68; i++) {
      p[2 * i] = 40 + (i % 10) * 15;
      p[2 * i + 1] = 40 + (i / 10) * 20;
    }
    p[72] = 70;
    p[73] = 100;
    p[90] = 70 + INTEROCULAR;
    p[91] = 100;
    return p;
  }

  static float[] shifted(float[] p, float dx, float dy) {
    float[] out = p.clone();
    for (int i = 0; i < 68; i++) {
      out[2 * i] += dx;
      out[2 * i + 1] += dy;
    }
    return out;
  }

  static Sample sample(HeadPose pose) {
    byte[] bgr = new byte[Sample.SIZE * Sample.SIZE * 3];
    java.util.Arrays.fill(bgr, (byte) 60);
    return new Sample(bgr, truth(), pose);
  }
}
