package io.asmnet.trainer.train;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up crops for training tests: 68 points on a jittered, scaled ellipse (so shapes vary and the
 * eye corners 36 and 45 are apart) drawn as bright dots on a noisy background, and a pose that
 * follows the ellipse's horizontal offset.
 */
public final class SyntheticSamples {
  private SyntheticSamples() {}

  public static List<Sample> make(int count, Random rng) {
    List<Sample> samples = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      float cx = 112 + 20 * (rng.nextFloat() - 0.5f);
      float cy = 112 + 20 * (rng.nextFloat() - 0.5f);
      float scale = 0.8f + 0.2f * rng.nextFloat();
      float[] points = new float[136];
      byte[] bgr = new byte[224 * 224 * 3];
      for (int i = 0; i < bgr.length; i++) {
        bgr[i] = (byte) rng.nextInt(64);
      }
      for (int p = 0; p < 68; p++) {
        double a = 2 * Math.PI * p / 68;
        points[2 * p] = (float) (cx + scale * 70 * Math.cos(a) + rng.nextGaussian());
        points[2 * p + 1] = (float) (cy + scale * 85 * Math.sin(a) + rng.nextGaussian());
        int x = Math.round(points[2 * p]);
        int y = Math.round(points[2 * p + 1]);
        for (int c = 0; c < 3; c++) {
          bgr[(y * 224 + x) * 3 + c] = (byte) 255;
        }
      }
      HeadPose pose =
          new HeadPose((cx - 112) * 2, (cy - 112) * -1.5f, 5 * (rng.nextFloat() - 0.5f));
      samples.add(new Sample(bgr, points, pose));
    }
    return samples;
  }
}
