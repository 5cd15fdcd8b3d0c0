package io.asmnet.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedNmsTest {
  private static BlazeDetection box(float score, float x, float y, float side) {
    float[] k = new float[12];
    for (int i = 0; i < 6; i++) {
      k[2 * i] = x + side / 2;
      k[2 * i + 1] = y + side / 2;
    }
    return new BlazeDetection(score, x, y, x + side, y + side, k);
  }

  @Test
  void shouldBlendOverlappingDetectionsByScoreAndKeepTheBestScore() {
    BlazeDetection best = box(0.9f, 100, 100, 50);
    BlazeDetection near = box(0.6f, 110, 100, 50); // IoU 0.67 with best
    BlazeDetection far = box(0.7f, 300, 300, 40);

    List<BlazeDetection> out = WeightedNms.apply(List.of(near, far, best), 0.3, 10);

    assertThat(out).hasSize(2);
    BlazeDetection blended = out.get(0);
    assertThat(blended.score()).isEqualTo(0.9f);
    assertThat(blended.xMin()).isCloseTo((0.9f * 100 + 0.6f * 110) / 1.5f, within(1e-4f));
    assertThat(blended.keypoints()[0]).isCloseTo((0.9f * 125 + 0.6f * 135) / 1.5f, within(1e-4f));
    assertThat(out.get(1)).usingRecursiveComparison().isEqualTo(far);
  }

  @Test
  void shouldReturnAtMostMaxFacesBestFirst() {
    List<BlazeDetection> three =
        List.of(box(0.6f, 0, 0, 10), box(0.8f, 100, 0, 10), box(0.7f, 200, 0, 10));

    List<BlazeDetection> out = WeightedNms.apply(three, 0.3, 2);

    assertThat(out).extracting(BlazeDetection::score).containsExactly(0.8f, 0.7f);
  }

  @Test
  void shouldReadTheRollFromTheEyeKeypoints() {
    float[] k = new float[12];
    k[0] = 100; // image-left eye
    k[1] = 100;
    k[2] = 140; // image-right eye, lower: the head leans clockwise
    k[3] = 140;
    assertThat(Math.toDegrees(new BlazeDetection(0.9f, 90, 90, 150, 150, k).roll()))
        .isCloseTo(45.0, within(1e-4));
  }
}
