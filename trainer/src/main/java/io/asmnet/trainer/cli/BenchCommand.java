package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.MeanFace3d;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.export.AsmNetOnnxExporter;
import io.asmnet.trainer.export.ModelCard;
import io.asmnet.trainer.train.Checkpoint;
import io.asmnet.trainer.train.SampleSource;
import io.asmnet.trainer.train.TrainingOptions;
import io.asmnet.trainer.train.TrainingRun;
import io.asmnet.trainer.train.TrainingState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet bench train} (the cli lists it beside its other benchmarks; {@code bench} in this
 * module's own root): training step time per batch size (ASM-LOSS, Adam, random crops; the first
 * epoch warms up, the second is reported), then export time and model size, with the machine and
 * its load. Prints figures; asserts nothing.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measures training step time per batch size, export time and ONNX size on random crops.")
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--batch-sizes",
      paramLabel = "N[,N...]",
      split = ",",
      defaultValue = "4,16,32",
      description = "default ${DEFAULT-VALUE}")
  List<Integer> batchSizes;

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "3",
      description = "timed steps per batch size (default ${DEFAULT-VALUE})")
  int steps;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description = "PyTorch intra-op threads (0: engine default)")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (threads > 0) {
      System.setProperty(
          "ai.djl.pytorch.num_threads", Integer.toString(threads)); // before DJL starts
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(MachineInfo.describe());
    Path dir = Files.createTempDirectory("asmnet-bench");
    try {
      Path last = null;
      for (int batch : batchSizes) {
        Path ckpt = dir.resolve("b" + batch);
        TrainingOptions options =
            new TrainingOptions(2, batch, 1e-3f, 1, true, 0.9, 0.01f, steps, ckpt, false, false);
        TrainingState state =
            new TrainingRun(options)
                .run(SampleSource.fixed(randomCrops(batch * steps, new Random(batch)), List.of()));
        out.printf(
            "batch %d: %.0f ms per step (warm-up epoch %.0f ms), %.1f ms per face%n",
            batch,
            state.stepMillis().get(1),
            state.stepMillis().get(0),
            state.stepMillis().get(1) / batch);
        out.flush();
        last = ckpt;
      }
      if (last != null) {
        long start = System.nanoTime();
        long bytes;
        try (var model = Checkpoint.load(last, ai.djl.Device.cpu())) {
          bytes =
              new AsmNetOnnxExporter()
                  .write(
                      model.getBlock(),
                      new ModelCard("bench", "0", "random crops", 0.9, Map.of()),
                      dir.resolve("m.onnx"));
        }
        out.printf(
            "export: %d ms (checkpoint load + ONNX write), model %d bytes (%.2f MiB)%n",
            (System.nanoTime() - start) / 1_000_000, bytes, bytes / 1048576.0);
      }
      out.println("load after: " + MachineInfo.loadAverage());
    } finally {
      try (var files = Files.walk(dir)) {
        files
            .sorted((a, b) -> b.getNameCount() - a.getNameCount())
            .forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  /** Random pixels and a jittered mean face: step time does not depend on the content. */
  private static List<Sample> randomCrops(int count, Random rng) {
    double[] xyz = MeanFace3d.points();
    List<Sample> samples = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      byte[] bgr = new byte[Sample.SIZE * Sample.SIZE * 3];
      rng.nextBytes(bgr);
      float[] points = new float[2 * MeanFace3d.POINTS];
      double scale = 0.9 + 0.2 * rng.nextDouble();
      for (int i = 0; i < MeanFace3d.POINTS; i++) {
        points[2 * i] = (float) (112 + xyz[3 * i] * scale + rng.nextGaussian());
        points[2 * i + 1] = (float) (112 + xyz[3 * i + 1] * scale + rng.nextGaussian());
      }
      samples.add(new Sample(bgr, points, new HeadPose(0, 0, 0)));
    }
    return samples;
  }
}
