package io.asmnet.trainer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsmLossTest {

  @Test
  void shouldSwitchAlphaAtTheThirdsOfTheRun() {
    AlphaSchedule nine = new AlphaSchedule(9, true);
    assertThat(nine.alpha(0)).isEqualTo(2f);
    assertThat(nine.alpha(2)).isEqualTo(2f);
    assertThat(nine.alpha(3)).isEqualTo(1f);
    assertThat(nine.alpha(5)).isEqualTo(1f);
    assertThat(nine.alpha(6)).isEqualTo(0.5f);
    assertThat(nine.alpha(8)).isEqualTo(0.5f);
    AlphaSchedule ten = new AlphaSchedule(10, true); // l/3 = 3.33, 2l/3 = 6.67
    assertThat(ten.alpha(3)).isEqualTo(2f);
    assertThat(ten.alpha(4)).isEqualTo(1f);
    assertThat(ten.alpha(6)).isEqualTo(1f);
    assertThat(ten.alpha(7)).isEqualTo(0.5f);
    assertThat(new AlphaSchedule(9, false).alpha(0)).isZero();
  }

  @Test
  void shouldWeighFaceAsmAndPoseTermsAsPublished() {
    AtomicInteger epoch = new AtomicInteger();
    AsmLoss loss = new AsmLoss(new AlphaSchedule(9, true), epoch::get);
    try (NDManager m = NDManager.newBaseManager()) {
      // two samples, 2 coordinates each
      NDList predictions =
          new NDList(
              m.create(new float[][] {{1, 2}, {3, 4}}),
              m.create(new float[][] {{1, 0, 0}, {0, 0, 0}}));
      NDList labels =
          new NDList(
              m.create(new float[][] {{1, 2}, {3, 2}}), // face MSE: 4 / 4 = 1
              m.create(new float[][] {{0, 2}, {3, 4}}), // ASM MSE: 1 / 4 = 0.25
              m.create(new float[][] {{0, 0, 0}, {0, 3, 0}})); // pose: (1/3 + 9/3) / 2 = 5/3
      float pose = 0.5f * 5f / 3f;
      epoch.set(2);
      assertThat(loss.evaluate(labels, predictions).getFloat())
          .isCloseTo(1 + 2 * 0.25f + pose, offset(1e-6f));
      epoch.set(3);
      assertThat(loss.evaluate(labels, predictions).getFloat())
          .isCloseTo(1 + 0.25f + pose, offset(1e-6f));
      epoch.set(5);
      assertThat(loss.evaluate(labels, predictions).getFloat())
          .isCloseTo(1 + 0.25f + pose, offset(1e-6f));
      epoch.set(6);
      assertThat(loss.evaluate(labels, predictions).getFloat())
          .isCloseTo(1 + 0.125f + pose, offset(1e-6f));
      AsmLoss mse = new AsmLoss(new AlphaSchedule(9, false), epoch::get);
      assertThat(mse.evaluate(labels, predictions).getFloat()).isCloseTo(1 + pose, offset(1e-6f));
    }
  }

  @Test
  void shouldBeZeroForPerfectPredictions() {
    AsmLoss loss = new AsmLoss(new AlphaSchedule(3, true), () -> 0);
    try (NDManager m = NDManager.newBaseManager()) {
      NDList truth =
          new NDList(
              m.create(new float[][] {{0.1f, -0.2f}}), m.create(new float[][] {{0.3f, 0f, -0.1f}}));
      NDList labels = new NDList(truth.get(0), truth.get(0), truth.get(1));
      assertThat(loss.evaluate(labels, truth).getFloat()).isZero();
    }
  }
}
