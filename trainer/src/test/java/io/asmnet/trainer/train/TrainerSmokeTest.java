package io.asmnet.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.export.AsmNetOnnxExporter;
import io.asmnet.trainer.export.ModelCard;
import io.asmnet.trainer.export.OnnxParity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A short real training run, a resume, and the export of what it learnt. */
class TrainerSmokeTest {
  private final Random rng = new Random(5);
  private final List<Sample> train = SyntheticSamples.make(8, rng);
  private final List<Sample> validation = SyntheticSamples.make(4, rng);

  private static TrainingOptions options(
      int epochs, boolean asm, int maxBatches, Path dir, boolean resume) {
    return options(epochs, asm, maxBatches, dir, resume, 1e-3f);
  }

  private static TrainingOptions options(
      int epochs, boolean asm, int maxBatches, Path dir, boolean resume, float lr) {
    return new TrainingOptions(epochs, 4, lr, 7, asm, 0.9, 0.01f, maxBatches, dir, resume, false);
  }

  @Test
  @Timeout(300)
  void shouldLowerAFiniteLossOnRepeatedSteps(@TempDir Path dir) throws Exception {
    // Plain MSE keeps the loss weights fixed (ASM-LOSS's alpha would fall by itself), and one
    // batch per epoch on the same four crops makes each epoch one step on the same batch. A small
    // learning rate: Adam's first steps at 1e-3 move all 1.4 M weights at once and overshoot.
    TrainingState state =
        new TrainingRun(options(4, false, 1, dir, false, 1e-4f))
            .run(SampleSource.fixed(train.subList(0, 4), List.of()));
    List<Double> losses = state.epochLoss();
    assertThat(losses).hasSize(4).allMatch(Double::isFinite);
    assertThat(losses.get(3))
        .as("loss after 4 steps vs first %s", losses)
        .isLessThan(losses.get(0));
  }

  @Test
  @Timeout(300)
  void shouldTrainTwoBatchesResumeAndExportAModelOnnxRuntimeAgreesWith(@TempDir Path dir)
      throws Exception {
    SampleSource source = SampleSource.fixed(train, validation);
    TrainingState first = new TrainingRun(options(1, true, 0, dir, false)).run(source);
    assertThat(first.epochsDone()).isEqualTo(1);
    assertThat(dir.resolve("asmnet-0001.params")).exists();
    assertThat(dir.resolve(Checkpoint.ASM_FILE)).exists();

    TrainingState resumed = new TrainingRun(options(2, true, 0, dir, true)).run(source);
    assertThat(resumed.epochsDone()).isEqualTo(2);
    assertThat(resumed.totalEpochs()).isEqualTo(2);
    assertThat(resumed.epochLoss()).hasSize(2).allMatch(Double::isFinite);
    assertThat(resumed.validationNme()).hasSize(2).allMatch(n -> n > 0 && Double.isFinite(n));
    assertThat(dir.resolve("asmnet-0002.params")).exists();
    assertThat(dir.resolve("asmnet-0001.params")).as("kept: the newest two").exists();

    try (Model model = Checkpoint.load(dir, Device.cpu());
        OnnxParity parity =
            new OnnxParity(
                new AsmNetOnnxExporter()
                    .export(
                        model.getBlock(), new ModelCard("smoke", "0", "synthetic", 0.9, Map.of()))
                    .toByteArray())) {
      for (int batch : new int[] {1, 7}) {
        double[] diff = parity.maxDifference(model.getNDManager(), model.getBlock(), batch, rng);
        assertThat(diff[0]).as("landmarks, px / 224, batch %d", batch).isLessThan(1e-4);
        assertThat(diff[1]).as("pose, degrees / 90, batch %d", batch).isLessThan(1e-4);
      }
    }
  }
}
