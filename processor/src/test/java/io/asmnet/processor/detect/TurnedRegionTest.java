package io.asmnet.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.processor.infer.CropGeometry;
import org.junit.jupiter.api.Test;

/**
 * Regions and crops of faces turned in the image plane: the upright framing, turned with the face.
 */
class TurnedRegionTest {
  /** An upright face-like shape: 68 points in a 100 x 120 box, eyes level. */
  private static float[] upright(float cx, float cy) {
    float[] p = new float[136];
    for (int i = 0; i < 68; i++) {
      double a = 2 * Math.PI * i / 68;
      p[2 * i] = (float) (cx + 50 * Math.cos(a));
      p[2 * i + 1] = (float) (cy + 60 * Math.sin(a));
    }
    for (int i = 36; i < 42; i++) { // image-left eye
      p[2 * i] = cx - 25 + (i - 36);
      p[2 * i + 1] = cy - 20;
    }
    for (int i = 42; i < 48; i++) {
      p[2 * i] = cx + 20 + (i - 42);
      p[2 * i + 1] = cy - 20;
    }
    return p;
  }

  private static float[] turned(float[] p, double angle, float cx, float cy) {
    float[] t = new float[p.length];
    for (int i = 0; i < p.length; i += 2) {
      double dx = p[i] - cx;
      double dy = p[i + 1] - cy;
      t[i] = (float) (cx + Math.cos(angle) * dx - Math.sin(angle) * dy);
      t[i + 1] = (float) (cy + Math.sin(angle) * dx + Math.cos(angle) * dy);
    }
    return t;
  }

  @Test
  void shouldFrameATurnedFaceAsTheUprightOneTurnedAboutItsCentre() {
    float[] up = upright(300, 200);
    double angle = Math.toRadians(40);
    float[] tilted = turned(up, angle, 300, 200);

    FaceBox straight = FaceRegion.fromLandmarks(up, 1f);
    FaceBox box = FaceRegion.fromLandmarks(tilted, 1f, FaceRegion.eyeLineAngle(tilted));

    assertThat(Math.toDegrees(box.angle())).isCloseTo(40.0, within(1e-3));
    assertThat(box.w()).isCloseTo(straight.w(), within(1e-2f));
    // The upright region's centre sits above the face centre; turned, it sits up the face's axis.
    float[] expected =
        turned(new float[] {straight.centreX(), straight.centreY()}, angle, 300, 200);
    assertThat(box.centreX()).isCloseTo(expected[0], within(1e-2f));
    assertThat(box.centreY()).isCloseTo(expected[1], within(1e-2f));
    assertThat(FaceRegion.landmarkCentreX(box)).isCloseTo(300.0, within(1e-2));
    assertThat(FaceRegion.landmarkCentreY(box)).isCloseTo(200.0, within(1e-2));
  }

  @Test
  void shouldReportTheAxisAlignedBoundsOfATurnedBox() {
    FaceBox box = new FaceBox(0, 0, 100, 100, 1f, (float) Math.toRadians(45));
    FaceBox b = box.bounds();
    assertThat(b.w()).isCloseTo((float) (100 * Math.sqrt(2)), within(1e-3f));
    assertThat(b.centreX()).isCloseTo(50f, within(1e-4f));
    assertThat(b.angle()).isZero();
    assertThat(new FaceBox(1, 2, 3, 4, 1f).bounds()).isEqualTo(new FaceBox(1, 2, 3, 4, 1f));
  }

  @Test
  void shouldTurnTheCropUprightAndTheLandmarksBack() {
    float[] up = upright(300, 200);
    double angle = Math.toRadians(-35);
    float[] tilted = turned(up, angle, 300, 200);
    CropGeometry g =
        CropGeometry.of(
            FaceRegion.roi(FaceRegion.fromLandmarks(tilted, 1f, FaceRegion.eyeLineAngle(tilted))),
            0.1);
    CropGeometry straight = CropGeometry.of(FaceRegion.roi(FaceRegion.fromLandmarks(up, 1f)), 0.1);

    for (int i = 0; i < tilted.length; i += 2) {
      // Where the upright crop shows the upright point, the turned crop shows the turned one.
      float cx = (float) ((up[i] - straight.cx()) * straight.scale() + 111.5);
      float cy = (float) ((up[i + 1] - straight.cy()) * straight.scale() + 111.5);
      assertThat(g.toFrameX(cx, cy)).isCloseTo(tilted[i], within(2e-2f));
      assertThat(g.toFrameY(cx, cy)).isCloseTo(tilted[i + 1], within(2e-2f));
    }
    assertThat(g.angleDegrees()).isCloseTo(-35.0, within(1e-3));
  }
}
