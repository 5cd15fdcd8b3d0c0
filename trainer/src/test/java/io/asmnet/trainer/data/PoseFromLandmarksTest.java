package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoseFromLandmarksTest {
  private final PoseFromLandmarks estimator = new PoseFromLandmarks();

  @Test
  void shouldRecoverKnownPosesWithinOneDegree() {
    int[] angles = {-30, -15, 0, 15, 30};
    for (int yaw : angles) {
      for (int pitch : angles) {
        for (int roll : angles) {
          HeadPose truth = new HeadPose(yaw, pitch, roll);
          HeadPose found =
              estimator.estimate(
                  ProjectedFace.project(truth), ProjectedFace.WIDTH, ProjectedFace.HEIGHT);
          assertThat(found.yaw()).as("yaw of %s", truth).isCloseTo(yaw, within(1f));
          assertThat(found.pitch()).as("pitch of %s", truth).isCloseTo(pitch, within(1f));
          assertThat(found.roll()).as("roll of %s", truth).isCloseTo(roll, within(1f));
        }
      }
    }
  }

  @Test
  void shouldMoveNoseTipTowardsImageRightForPositiveYaw() {
    float[] frontal = ProjectedFace.project(new HeadPose(0, 0, 0));
    float[] turned = ProjectedFace.project(new HeadPose(20, 0, 0));
    float noseFrontal = frontal[60] - ProjectedFace.meanX(frontal);
    float noseTurned = turned[60] - ProjectedFace.meanX(turned);
    assertThat(noseTurned).isGreaterThan(noseFrontal + 5);
  }

  @Test
  void shouldMoveNoseTipUpForPositivePitch() {
    float[] frontal = ProjectedFace.project(new HeadPose(0, 0, 0));
    float[] up = ProjectedFace.project(new HeadPose(0, 20, 0));
    float noseFrontal = frontal[61] - ProjectedFace.meanY(frontal);
    float noseUp = up[61] - ProjectedFace.meanY(up);
    assertThat(noseUp).isLessThan(noseFrontal - 5);
  }

  @Test
  void shouldTiltClockwiseForPositiveRoll() {
    float[] tilted = ProjectedFace.project(new HeadPose(0, 0, 20));
    // clockwise on screen (y down): the image-right eye corner 45 drops below the left one 36
    double angle = Math.toDegrees(Math.atan2(tilted[91] - tilted[73], tilted[90] - tilted[72]));
    assertThat(angle).isCloseTo(20, within(2.0));
  }

  @Test
  void shouldRejectWrongPointCount() {
    assertThatThrownBy(() -> estimator.estimate(new float[10], 100, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("136");
  }
}
