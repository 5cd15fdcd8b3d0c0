package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  @Test
  void shouldKeepLightDrawsCentredOnTheEvaluationCrop() {
    Random rng = new Random(4);
    double scaleSum = 0;
    int flips = 0;
    for (int i = 0; i < 2_000; i++) {
      Augmentation a = Augmentation.light(rng);
      assertThat(Math.abs(a.rotation())).isLessThanOrEqualTo(0.2);
      assertThat(a.scaleX()).isBetween(0.95, 1.05);
      assertThat(a.scaleY()).isBetween(0.95, 1.05);
      assertThat(a.extraMargin()).containsOnly(0.0);
      scaleSum += a.scaleX() + a.scaleY();
      flips += a.flip() ? 1 : 0;
    }
    assertThat(scaleSum / 4_000).isBetween(0.99, 1.01);
    assertThat(flips).isBetween(900, 1_100);
  }

  @Test
  void shouldShrinkFacesOnAverageInThePublishedDraw() {
    Random rng = new Random(4);
    double scaleSum = 0;
    for (int i = 0; i < 2_000; i++) {
      Augmentation a = Augmentation.random(rng);
      scaleSum += a.scaleX() + a.scaleY();
    }
    assertThat(scaleSum / 4_000).isBetween(0.89, 0.91);
  }
}
