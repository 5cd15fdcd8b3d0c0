package io.asmnet.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NmeTest {
  @Test
  void shouldBeZeroForAPerfectPrediction() {
    float[] truth = EvalFixtures.truth();
    assertThat(Nme.of(truth.clone(), truth)).isZero();
  }

  @Test
  void shouldBeTheShiftOverTheInterocularDistance() {
    float[] truth = EvalFixtures.truth();
    assertThat(Nme.of(EvalFixtures.shifted(truth, 3, 4), truth))
        .isCloseTo(5 / EvalFixtures.INTEROCULAR, within(1e-9));
    assertThat(Nme.of(EvalFixtures.shifted(truth, -2, 0), truth))
        .isCloseTo(2 / EvalFixtures.INTEROCULAR, within(1e-9));
  }

  @Test
  void shouldCountFailuresStrictlyAboveTenPercent() {
    float[] truth = EvalFixtures.truth();
    double atBoundary = Nme.of(EvalFixtures.shifted(truth, 8, 0), truth); // 8 / 80
    assertThat(atBoundary).isEqualTo(0.1);
    assertThat(Nme.isFailure(atBoundary)).isFalse();
    assertThat(Nme.isFailure(Nme.of(EvalFixtures.shifted(truth, 8.01f, 0), truth))).isTrue();
    assertThat(Nme.isFailure(Nme.of(EvalFixtures.shifted(truth, 7.99f, 0), truth))).isFalse();
  }

  @Test
  void shouldRejectCoincidentEyeCorners() {
    float[] flat = new float[136];
    assertThatThrownBy(() -> Nme.of(flat, flat)).hasMessageContaining("eye corners");
  }
}
