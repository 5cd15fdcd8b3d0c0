package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMakerTest {
  @TempDir Path dir;
  private final SampleMaker maker = new SampleMaker(new ImageCache(64L << 20));

  /** A 400 x 300 black photo of the mean face with a white dot on the left eye's corner 36. */
  private LabelledFace faceWithMarkedEye(HeadPose pose) {
    float[] points = TestImages.meanFace(1.2f, 210, 140);
    Path photo = TestImages.write(dir.resolve("eye.png"), 400, 300, 0, points[72], points[73], 2);
    return new LabelledFace(photo, points, pose, "test");
  }

  @Test
  void shouldMapLandmarkBoxIntoCropWithTenPercentMargin() {
    Sample sample = maker.make(faceWithMarkedEye(new HeadPose(0, 0, 0)), null);

    float[] box = SampleMaker.box(sample.landmarks());
    // the mean face is wider than tall: x spans the box's longer side
    // x_crop = (x - cx) * 224 / (1.2 * side) + 111.5: the box spans 224 / 1.2 about 111.5
    assertThat(box[0]).isCloseTo(111.5f - 112 / 1.2f, within(0.01f));
    assertThat(box[2]).isCloseTo(111.5f + 112 / 1.2f, within(0.01f));
    assertThat((box[1] + box[3]) / 2).isCloseTo(111.5f, within(0.01f));
    assertThat(sample.pose()).isEqualTo(new HeadPose(0, 0, 0));
  }

  @Test
  void shouldMoveImageContentWithTheLandmarks() {
    LabelledFace face = faceWithMarkedEye(new HeadPose(0, 0, 0));
    Augmentation[] augmentations = {
      Augmentation.none(),
      new Augmentation(0.4, 1, 1, new double[4], false, false, 1, 0),
      new Augmentation(0, 1, 1, new double[4], true, false, 1, 0),
      new Augmentation(-0.5, 0.85, 0.95, new double[] {3, 9, 0, 5}, true, false, 1.1, 5),
    };
    for (Augmentation aug : augmentations) {
      Sample sample = maker.make(face, aug, null);
      // after a mirror the marked corner is numbered 45
      int index = aug.flip() ? 45 : 36;
      double[] dot = TestImages.brightCentroid(sample.bgr(), Sample.SIZE);
      assertThat(dot[0]).as("x for %s", aug).isCloseTo(sample.landmarks()[2 * index], within(1.0));
      assertThat(dot[1])
          .as("y for %s", aug)
          .isCloseTo(sample.landmarks()[2 * index + 1], within(1.0));
    }
  }

  @Test
  void shouldRotateClockwiseAndAddTheAngleToRoll() {
    LabelledFace face = faceWithMarkedEye(new HeadPose(10, 5, 3));
    double theta = 0.3;
    Sample plain = maker.make(face, Augmentation.none(), null);
    Sample turned =
        maker.make(face, new Augmentation(theta, 1, 1, new double[4], false, false, 1, 0), null);

    assertThat(eyeLineAngle(turned) - eyeLineAngle(plain)).isCloseTo(theta, within(1e-4));
    assertThat(turned.pose().roll()).isCloseTo(3 + (float) Math.toDegrees(theta), within(1e-3f));
    assertThat(turned.pose().yaw()).isEqualTo(10f);
    assertThat(turned.pose().pitch()).isEqualTo(5f);
  }

  @Test
  void shouldMirrorImageAndNegateYawAndRollOnFlip() {
    LabelledFace face = faceWithMarkedEye(new HeadPose(10, 5, 3));
    Sample plain = maker.make(face, Augmentation.none(), null);
    Sample flipped =
        maker.make(face, new Augmentation(0, 1, 1, new double[4], true, false, 1, 0), null);

    assertThat(flipped.pose()).isEqualTo(new HeadPose(-10, 5, -3));
    assertThat(LandmarkMirror.flip(flipped.landmarks(), Sample.SIZE - 1))
        .containsExactly(plain.landmarks(), within(1e-3f));
    int size = Sample.SIZE;
    int maxDiff = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        for (int c = 0; c < 3; c++) {
          int a = plain.bgr()[(y * size + x) * 3 + c] & 0xff;
          int b = flipped.bgr()[(y * size + size - 1 - x) * 3 + c] & 0xff;
          maxDiff = Math.max(maxDiff, Math.abs(a - b));
        }
      }
    }
    assertThat(maxDiff).isLessThanOrEqualTo(1);
  }

  @Test
  void shouldSetAboutFourPercentOfPixelsForSaltAndPepper() {
    float[] points = TestImages.meanFace(1.2f, 210, 140);
    Path photo = TestImages.write(dir.resolve("grey.png"), 400, 300, 100, 0, 0, -1);
    LabelledFace face = new LabelledFace(photo, points, new HeadPose(0, 0, 0), "t");
    Sample noisy =
        maker.make(
            face, new Augmentation(0, 1, 1, new double[4], false, true, 1, 0), new Random(3));

    int extreme = 0;
    for (int p = 0; p < Sample.SIZE * Sample.SIZE; p++) {
      int v = noisy.bgr()[3 * p] & 0xff;
      extreme += v == 0 || v == 255 ? 1 : 0;
    }
    double fraction = extreme / (double) (Sample.SIZE * Sample.SIZE);
    assertThat(fraction).isBetween(0.035, 0.0401);
  }

  @Test
  void shouldDrawTheSameAugmentationForTheSameSeed() {
    LabelledFace face = faceWithMarkedEye(null);
    Sample a = maker.make(face, new Random(42));
    Sample b = maker.make(face, new Random(42));
    Sample c = maker.make(face, new Random(43));
    assertThat(a.bgr()).isEqualTo(b.bgr());
    assertThat(a.landmarks()).isEqualTo(b.landmarks());
    assertThat(c.landmarks()).isNotEqualTo(a.landmarks());
  }

  @Test
  void shouldDerivePoseWhenTheFaceHasNone() {
    float[] points = ProjectedFace.project(new HeadPose(20, -10, 5));
    Path photo =
        TestImages.write(
            dir.resolve("big.png"), ProjectedFace.WIDTH, ProjectedFace.HEIGHT, 0, 0, 0, -1);
    Sample sample = maker.make(new LabelledFace(photo, points, null, "t"), null);
    assertThat(sample.pose().yaw()).isCloseTo(20, within(1f));
    assertThat(sample.pose().pitch()).isCloseTo(-10, within(1f));
    assertThat(sample.pose().roll()).isCloseTo(5, within(1f));
  }

  @Test
  void shouldMoveImageContentWithTheLandmarksUnderStrongDraws() {
    LabelledFace face = faceWithMarkedEye(new HeadPose(0, 0, 0));
    Random rng = new Random(11);
    double maxShift = 0;
    for (int k = 0; k < 40; k++) {
      Augmentation drawn = Augmentation.strong(rng);
      // The dot must survive to be found: no patch over it, no pixel noise, full resolution.
      Augmentation aug =
          new Augmentation(
              drawn.rotation(),
              drawn.scaleX(),
              drawn.scaleY(),
              drawn.extraMargin(),
              drawn.flip(),
              false,
              1,
              0,
              drawn.shiftX(),
              drawn.shiftY(),
              Degradation.none());
      Sample sample = maker.make(face, aug, null);
      int index = aug.flip() ? 45 : 36;
      double[] dot = TestImages.brightCentroid(sample.bgr(), Sample.SIZE);
      assertThat(dot[0]).as("x for %s", aug).isCloseTo(sample.landmarks()[2 * index], within(1.0));
      assertThat(dot[1])
          .as("y for %s", aug)
          .isCloseTo(sample.landmarks()[2 * index + 1], within(1.0));
      maxShift = Math.max(maxShift, Math.hypot(aug.shiftX(), aug.shiftY()));
    }
    assertThat(maxShift).as("the draws do move the face").isGreaterThan(0.02);
  }

  @Test
  void shouldDegradePixelsWithoutMovingThem() {
    LabelledFace face = faceWithMarkedEye(new HeadPose(0, 0, 0));
    Sample plain = maker.make(face, Augmentation.none(), null);
    double[] plainDot = TestImages.brightCentroid(plain.bgr(), Sample.SIZE);
    Degradation[] each = {
      new Degradation(new double[] {1, 1, 1}, false, null, 1.5, 0, 0),
      new Degradation(new double[] {1, 1, 1}, false, null, 0, 96, 0),
      new Degradation(new double[] {1, 1, 1}, false, null, 0, 0, 30),
    };
    for (Degradation d : each) {
      Sample s = maker.make(face, withPixels(d), null);
      assertThat(s.landmarks()).containsExactly(plain.landmarks(), within(1e-6f));
      assertThat(s.bgr()).as("%s changes pixels", d).isNotEqualTo(plain.bgr());
      double[] dot = TestImages.brightCentroid(s.bgr(), Sample.SIZE);
      assertThat(dot[0]).as("x for %s", d).isCloseTo(plainDot[0], within(1.0));
      assertThat(dot[1]).as("y for %s", d).isCloseTo(plainDot[1], within(1.0));
    }
  }

  @Test
  void shouldPaintTheOcclusionAndScaleEachChannel() {
    float[] points = TestImages.meanFace(1.2f, 210, 140);
    Path photo = TestImages.write(dir.resolve("grey100.png"), 400, 300, 100, 0, 0, -1);
    LabelledFace face = new LabelledFace(photo, points, new HeadPose(0, 0, 0), "t");
    Degradation.Occlusion patch = new Degradation.Occlusion(50, 60, 40, 30, 10, 20, 250);
    Sample s =
        maker.make(
            face,
            withPixels(new Degradation(new double[] {0.5, 1, 1.5}, false, patch, 0, 0, 0)),
            null);
    byte[] px = s.bgr();
    int inside = (70 * Sample.SIZE + 60) * 3;
    assertThat(new int[] {px[inside] & 0xff, px[inside + 1] & 0xff, px[inside + 2] & 0xff})
        .containsExactly(10, 20, 250);
    int outside = (150 * Sample.SIZE + 150) * 3; // on the grey photo
    assertThat(new int[] {px[outside] & 0xff, px[outside + 1] & 0xff, px[outside + 2] & 0xff})
        .containsExactly(50, 100, 150);

    // The colour cast comes before the grey: OpenCV's grey of B 50, G 100, R 150 (0.114 B + 0.587 G
    // + 0.299 R).
    byte[] grey =
        maker
            .make(
                face,
                withPixels(new Degradation(new double[] {0.5, 1, 1.5}, true, null, 0, 0, 0)),
                null)
            .bgr();
    assertThat(new int[] {grey[outside] & 0xff, grey[outside + 1] & 0xff, grey[outside + 2] & 0xff})
        .containsOnly(109);
  }

  @Test
  void shouldCentreStrongDrawsOnTheEvaluationCropAndRollHalfOfThemFar() {
    Random rng = new Random(5);
    double logScale = 0;
    double shift = 0;
    int far = 0;
    int n = 4_000;
    for (int i = 0; i < n; i++) {
      Augmentation a = Augmentation.strong(rng);
      assertThat(Math.abs(a.rotation())).isLessThanOrEqualTo(Math.toRadians(45) + 1e-9);
      assertThat(a.scaleX()).isEqualTo(a.scaleY());
      logScale += Math.log(a.scaleX());
      shift += a.shiftX() + a.shiftY();
      far += Math.abs(a.rotation()) > 0.2 ? 1 : 0;
    }
    assertThat(logScale / n).isCloseTo(0, within(0.005));
    assertThat(shift / n).isCloseTo(0, within(0.003));
    // half draw +-45 degrees, of which 1 - 0.2 / 0.785 lie beyond 0.2 rad
    assertThat(far / (double) n).isBetween(0.34, 0.41);
  }

  private static Augmentation withPixels(Degradation d) {
    return new Augmentation(0, 1, 1, new double[4], false, false, 1, 0, 0, 0, d);
  }

  private static double eyeLineAngle(Sample s) {
    float[] p = s.landmarks();
    return Math.atan2(p[91] - p[73], p[90] - p[72]);
  }
}
