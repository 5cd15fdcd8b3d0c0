package io.asmnet.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.asmnet.trainer.model.AsmNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real three-epoch run whose last two epochs are averaged, checked weight by weight. */
class WeightAveragingTest {
  @TempDir static Path run;

  @BeforeAll
  @Timeout(300)
  static void trainThreeEpochsAveragingTheLastTwo() throws Exception {
    Random rng = new Random(11);
    TrainingOptions options =
        new TrainingOptions(
            3, 4, 1e-3f, 7, false, 0.9, 0.01f, 1, run, false, false, false, /* averageLast */ 3);
    new TrainingRun(options).run(SampleSource.fixed(SyntheticSamples.make(4, rng), List.of()));
  }

  @Test
  void shouldKeepTheEpochsToAverageAndWriteACompleteCheckpoint() {
    for (int e = 1; e <= 3; e++) {
      assertThat(run.resolve(Checkpoint.paramsFile(e))).as("epoch %d kept", e).exists();
    }
    assertThat(Checkpoint.exists(run.resolve(WeightAveraging.FOLDER))).isTrue();
  }

  @Test
  void shouldHoldTheMeanOfTheEpochsWeightsIncludingBatchNormStatistics(@TempDir Path out)
      throws Exception {
    WeightAveraging.average(run, 2, out);
    Map<String, float[]> second = weights(run, 2);
    Map<String, float[]> third = weights(run, 3);
    Map<String, float[]> mean = weights(out, 3);
    assertThat(mean.keySet()).isEqualTo(third.keySet()).anyMatch(k -> k.contains("running"));
    double largestChange = 0;
    for (String name : mean.keySet()) {
      float[] a = second.get(name);
      float[] b = third.get(name);
      float[] m = mean.get(name);
      for (int i = 0; i < m.length; i++) {
        assertThat((double) m[i])
            .as("%s[%d]", name, i)
            .isCloseTo((a[i] + b[i]) / 2.0, within(a[i], b[i]));
        largestChange = Math.max(largestChange, Math.abs(a[i] - b[i]));
      }
    }
    assertThat(largestChange)
        .as("the two epochs differ, so the test could fail")
        .isGreaterThan(1e-4);
  }

  @Test
  void shouldLoadAsTheNewestParametersOfItsFolder(@TempDir Path out) throws Exception {
    WeightAveraging.average(run, 3, out);
    try (Model model = Checkpoint.load(out, Device.cpu())) {
      assertThat(
              AsmNet.landmarkHead(model.getBlock())
                  .getParameters()
                  .get("weight")
                  .getArray()
                  .getShape()
                  .get(0))
          .isEqualTo(136);
    }
  }

  @Test
  void shouldRefuseMoreEpochsThanTheRunHas(@TempDir Path out) {
    assertThatThrownBy(() -> WeightAveraging.average(run, 4, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("last 4 epochs of a run of 3");
    assertThatThrownBy(() -> WeightAveraging.average(run, 0, out))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseWhenAnEpochsParametersWereNotKept(@TempDir Path dir) throws Exception {
    TrainingOptions options =
        new TrainingOptions(3, 4, 1e-3f, 7, false, 0.9, 0.01f, 1, dir, false, false);
    new TrainingRun(options)
        .run(SampleSource.fixed(SyntheticSamples.make(4, new Random(3)), List.of()));
    assertThatThrownBy(() -> WeightAveraging.average(dir, 3, dir.resolve("avg")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(Checkpoint.paramsFile(1) + " is missing")
        .hasMessageContaining("--average-last 3");
  }

  private static Offset<Double> within(float a, float b) {
    // float32 rounding of the mean, relative to the values' size
    return Offset.offset(1e-6 * (1 + Math.abs(a) + Math.abs(b)));
  }

  private static Map<String, float[]> weights(Path dir, int epoch) throws Exception {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (Model model = Model.newInstance(Checkpoint.PREFIX, Device.cpu())) {
      model.setBlock(AsmNet.create(68));
      model.load(dir, Checkpoint.PREFIX, Map.of("epoch", Integer.toString(epoch)));
      for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
        out.put(p.getKey(), p.getValue().getArray().toFloatArray());
      }
    }
    return out;
  }
}
