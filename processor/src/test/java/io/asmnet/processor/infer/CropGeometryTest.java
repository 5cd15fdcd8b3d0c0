package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.processor.detect.FaceRoi;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The crop of a face is the square the model's contract describes around its {@link FaceRoi}, and
 * landmarks map back through exactly the inverse of the warp that made it. (That this is the
 * trainer's own crop is checked against {@code SampleMaker} itself, in the cli module's {@code
 * ContractServingIT}, where both modules are on the classpath.)
 */
class CropGeometryTest {

  @Test
  void shouldSquareTheRoiWithTheModelsMarginOnEachSide() {
    FaceRoi roi = FaceRoi.detected(300, 200, 80, 0.3f, 1);
    for (double margin : new double[] {0, 0.1, 0.25}) {
      CropGeometry g = CropGeometry.of(roi, margin);

      assertThat(g.cx()).isEqualTo(300);
      assertThat(g.cy()).isEqualTo(200);
      assertThat(g.side()).isCloseTo(80 * (1 + 2 * margin), within(1e-4));
      assertThat(g.angle()).isCloseTo(0.3, within(1e-6));
    }
  }

  @Test
  void shouldMapCropPointsBackThroughTheInverseOfTheWarp() {
    Random random = new Random(5);
    for (int n = 0; n < 200; n++) {
      FaceRoi roi =
          FaceRoi.detected(
              random.nextFloat() * 1900,
              random.nextFloat() * 1000,
              20 + random.nextFloat() * 400,
              (float) ((random.nextDouble() - 0.5) * Math.PI),
              1);
      CropGeometry g = CropGeometry.of(roi, random.nextDouble() * 0.3);
      double[] m = g.affine();
      for (int k = 0; k < 5; k++) {
        double x = roi.centreX() + (random.nextDouble() - 0.5) * 2 * roi.extent();
        double y = roi.centreY() + (random.nextDouble() - 0.5) * 2 * roi.extent();
        float cropX = (float) (m[0] * x + m[1] * y + m[2]);
        float cropY = (float) (m[3] * x + m[4] * y + m[5]);

        assertThat(g.toFrameX(cropX, cropY))
            .isCloseTo((float) x, within(2e-3f * (1 + roi.extent() / 100)));
        assertThat(g.toFrameY(cropX, cropY))
            .isCloseTo((float) y, within(2e-3f * (1 + roi.extent() / 100)));
      }
      // pixel centres at integers: the ROI's centre is the crop's centre, (224 - 1) / 2
      assertThat(m[0] * roi.centreX() + m[1] * roi.centreY() + m[2]).isCloseTo(111.5, within(1e-6));
      assertThat(m[3] * roi.centreX() + m[4] * roi.centreY() + m[5]).isCloseTo(111.5, within(1e-6));
    }
  }
}
