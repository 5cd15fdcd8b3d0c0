package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks our reading of the 300W-LP / AFLW2000-3D pose convention on real files, when a copy is
 * given in {@code $ASMNET_300WLP_DIR} (skipped otherwise: the sets cannot be fetched here). The
 * labelled yaw and roll must agree in sign with the pose solvePnP derives from the same file's
 * landmarks, for clearly turned or tilted faces.
 */
@Tag("integration")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class Mat300WLPLoaderIT {
  @Test
  void shouldAgreeInSignWithThePoseOfTheLandmarks() {
    String dir = System.getenv("ASMNET_300WLP_DIR");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "ASMNET_300WLP_DIR not set");
    List<LabelledFace> faces = Mat300WLPLoader.load(Path.of(dir));
    PoseFromLandmarks derive = new PoseFromLandmarks();
    int yawChecked = 0;
    int yawAgree = 0;
    int rollChecked = 0;
    int rollAgree = 0;
    for (LabelledFace face : faces.subList(0, Math.min(300, faces.size()))) {
      DecodedImage photo = ImageCache.decode(face.image());
      HeadPose fromPoints = derive.estimate(face.landmarks(), photo.width(), photo.height());
      if (Math.abs(face.pose().yaw()) > 20) {
        yawChecked++;
        yawAgree += Math.signum(face.pose().yaw()) == Math.signum(fromPoints.yaw()) ? 1 : 0;
      }
      if (Math.abs(face.pose().roll()) > 15) {
        rollChecked++;
        rollAgree += Math.signum(face.pose().roll()) == Math.signum(fromPoints.roll()) ? 1 : 0;
      }
    }
    assertThat(yawChecked).isPositive();
    assertThat(yawAgree).isGreaterThan(yawChecked * 9 / 10);
    assertThat(rollAgree).isGreaterThanOrEqualTo(rollChecked * 9 / 10);
  }
}
