package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoseConventionTest {
  @Test
  void shouldRoundTripAnglesThroughTheMatrix() {
    HeadPose pose = new HeadPose(35, -20, 12);
    HeadPose back = PoseConvention.fromMatrix(PoseConvention.matrix(pose));
    assertThat(back.yaw()).isCloseTo(35, within(1e-3f));
    assertThat(back.pitch()).isCloseTo(-20, within(1e-3f));
    assertThat(back.roll()).isCloseTo(12, within(1e-3f));
  }

  @Test
  void shouldNegateYawAndKeepPitchAndRollOfSingleAxis300WLPPoses() {
    double r = Math.toRadians(25);
    assertThat(PoseConvention.from300WLP(0, r, 0).yaw()).isCloseTo(-25, within(1e-3f));
    assertThat(PoseConvention.from300WLP(r, 0, 0).pitch()).isCloseTo(25, within(1e-3f));
    assertThat(PoseConvention.from300WLP(0, 0, r).roll()).isCloseTo(25, within(1e-3f));
  }

  @Test
  void shouldAddImageRotationToRollAndNegateYawAndRollOnMirror() {
    HeadPose pose = new HeadPose(30, 10, -5);
    double[] rotated =
        PoseConvention.multiply(PoseConvention.rz(Math.toRadians(15)), PoseConvention.matrix(pose));
    HeadPose turned = PoseConvention.fromMatrix(rotated);
    assertThat(turned.roll()).isCloseTo(10, within(1e-3f));
    assertThat(turned.yaw()).isCloseTo(30, within(1e-3f));

    double[] m = PoseConvention.matrix(pose);
    double[] mirror = {-1, 0, 0, 0, 1, 0, 0, 0, 1};
    double[] mirrored = PoseConvention.multiply(mirror, PoseConvention.multiply(m, mirror));
    HeadPose flipped = PoseConvention.fromMatrix(mirrored);
    assertThat(flipped.yaw()).isCloseTo(-30, within(1e-3f));
    assertThat(flipped.pitch()).isCloseTo(10, within(1e-3f));
    assertThat(flipped.roll()).isCloseTo(5, within(1e-3f));
  }
}
