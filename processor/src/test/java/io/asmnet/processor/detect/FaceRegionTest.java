package io.asmnet.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FaceRegionTest {
  /** A face's landmarks reduced to the four extremes: 100 px wide, 120 px tall. */
  private static final float[] EXTREMES = {50, 100, 150, 100, 100, 40, 100, 160};

  @Test
  void shouldFrameLandmarksInASquareWithForeheadAbove() {
    FaceBox box = FaceRegion.fromLandmarks(EXTREMES, 0.5f);

    assertThat(box.w()).isEqualTo(box.h()).isCloseTo(1.3f * 120, within(1e-3f));
    assertThat(box.x()).isLessThan(50f);
    assertThat(box.x() + box.w()).isGreaterThan(150f);
    assertThat(box.y()).isLessThan(40f - 0.2f * 120); // room for the forehead
    assertThat(box.y() + box.h()).isGreaterThan(160f); // chin inside
    assertThat(box.score()).isEqualTo(0.5f);
  }

  @Test
  void shouldMapEveryCascadeToTheSameRegionForTheSameFace() {
    // Raw boxes as each cascade frames a face whose landmarks span 100 px centred at (200, 200).
    FaceBox haar =
        FaceRegion.box(
            FaceRegion.roiFromCascade(
                Cascade.HAAR_FRONTAL_DEFAULT, 200 - 60.5f, 200 - 16 - 60.5f, 121, 121, 1));
    FaceBox lbp =
        FaceRegion.box(
            FaceRegion.roiFromCascade(
                Cascade.LBP_FRONTAL_IMPROVED, 200 - 40.5f, 200 - 9 - 40.5f, 81, 81, 1));

    assertThat(lbp.w()).isCloseTo(haar.w(), within(0.5f)).isCloseTo(130f, within(0.5f));
    assertThat(lbp.y()).isCloseTo(haar.y(), within(0.5f));
    assertThat(haar.y() + haar.h() / 2).isCloseTo(200 - 12f, within(0.5f));
  }
}
