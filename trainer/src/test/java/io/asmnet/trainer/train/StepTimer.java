package io.asmnet.trainer.train;

import io.asmnet.trainer.export.AsmNetOnnxExporter;
import io.asmnet.trainer.export.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures training step time and export time on synthetic crops (a tool, not a test):
 * {@code java -cp ... io.asmnet.trainer.train.StepTimer BATCH [STEPS]}. Epoch 1 warms up; the
 * figure is epoch 2's mean step time.
 */
public final class StepTimer {
  private StepTimer() {}

  public static void main(String[] args) throws Exception {
    int batch = Integer.parseInt(args[0]);
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("steptimer");
    TrainingState state =
        new TrainingRun(new TrainingOptions(2, batch, 1e-3f, 1, true, 0.9, 0.01f, steps, dir, false, false))
            .run(SampleSource.fixed(SyntheticSamples.make(batch * steps, new Random(1)), List.of()));
    long t0 = System.nanoTime();
    long bytes;
    try (var model = Checkpoint.load(dir, ai.djl.Device.cpu())) {
      bytes = new AsmNetOnnxExporter().write(model.getBlock(), new ModelCard("t", "0", "synthetic", 0.9, Map.of()), dir.resolve("m.onnx"));
    }
    System.out.printf(
        "batch %d: step ms per epoch %s; export %d ms (load + write), %d bytes%n",
        batch, state.stepMillis(), (System.nanoTime() - t0) / 1_000_000, bytes);
  }
}
