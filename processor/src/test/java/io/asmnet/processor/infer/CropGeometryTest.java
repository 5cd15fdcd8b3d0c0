package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.processor.detect.FaceRegion;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The crop of a pipeline face box must be the crop the trainer made of the same landmarks. */
class CropGeometryTest {
  private static final int POINTS = 68;

  @Test
  void shouldFrameAFaceRegionExactlyAsTheTrainerFramesItsLandmarks() {
    Random random = new Random(17);
    for (int n = 0; n < 500; n++) {
      float[] lm = randomFace(random);
      double[] trainer = trainerCrop(lm);

      CropGeometry g = CropGeometry.of(FaceRegion.fromLandmarks(lm, 1));

      assertThat(g.cx()).as("cx of face %d", n).isCloseTo(trainer[0], within(1e-3));
      assertThat(g.cy()).as("cy of face %d", n).isCloseTo(trainer[1], within(1e-3));
      assertThat(g.side()).as("side of face %d", n).isCloseTo(trainer[2], within(1e-3));
    }
  }

  @Test
  void shouldMapLandmarksToTheCropAndBackUnchanged() {
    Random random = new Random(5);
    for (int n = 0; n < 100; n++) {
      float[] lm = randomFace(random);
      CropGeometry g = CropGeometry.of(FaceRegion.fromLandmarks(lm, 1));
      double[] trainer = trainerCrop(lm);
      for (int i = 0; i < lm.length; i += 2) {
        // into the crop as the trainer does, back with the processor's inverse
        float cropX = (float) ((lm[i] - trainer[0]) * LandmarkModel.SIZE / trainer[2] + 111.5);
        float cropY = (float) ((lm[i + 1] - trainer[1]) * LandmarkModel.SIZE / trainer[2] + 111.5);

        assertThat(g.toFrameX(cropX, cropY)).isCloseTo(lm[i], within(2e-3f));
        assertThat(g.toFrameY(cropX, cropY)).isCloseTo(lm[i + 1], within(2e-3f));
        // and the crop side of a landmark box edge is the margin: 224 * 0.1 / 1.2 px in
        assertThat(cropX).isBetween(224 * 0.1f / 1.2f - 0.5f, 224 - 224 * 0.1f / 1.2f + 0.5f);
      }
    }
  }

  /** 68 points of a face 40-400 px large, wider or taller, anywhere in a 1920x1080 frame. */
  private static float[] randomFace(Random random) {
    float w = 40 + random.nextFloat() * 360;
    float h = w * (0.7f + random.nextFloat() * 0.6f);
    float x0 = random.nextFloat() * 1500;
    float y0 = random.nextFloat() * 700;
    float[] lm = new float[2 * POINTS];
    for (int i = 0; i < POINTS; i++) {
      lm[2 * i] = x0 + random.nextFloat() * w;
      lm[2 * i + 1] = y0 + random.nextFloat() * h;
    }
    return lm;
  }

  /** The trainer's crop (SampleMaker, no augmentation): cx, cy, side of the landmark box. */
  private static double[] trainerCrop(float[] lm) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < lm.length; i += 2) {
      minX = Math.min(minX, lm[i]);
      maxX = Math.max(maxX, lm[i]);
      minY = Math.min(minY, lm[i + 1]);
      maxY = Math.max(maxY, lm[i + 1]);
    }
    double side = Math.max(maxX - minX, maxY - minY) * (1 + 2 * 0.1);
    return new double[] {(minX + maxX) / 2, (minY + maxY) / 2, side};
  }
}
