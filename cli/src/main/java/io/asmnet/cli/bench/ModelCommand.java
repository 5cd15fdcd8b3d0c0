package io.asmnet.cli.bench;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.infer.LandmarkModel;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet bench model}: the landmark model alone (prints figures; not a test): ms per batch
 * and faces/s by batch size on one device, warm-up runs excluded. The input is random crops: the
 * network's cost does not depend on the pixels. {@code --device cuda} is the GPU benchmark.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "The landmark model alone: ms per batch and faces/s by batch size on one device (random crops;"
            + " warm-up runs excluded). Prints figures; asserts nothing.")
public final class ModelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "ONNX landmark model (default ${DEFAULT-VALUE}).")
  Path model = Path.of("models/asmnet-starter.onnx");

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      description = "cpu, cuda or auto (default ${DEFAULT-VALUE}).")
  String device = "cpu";

  @Option(
      names = "--sizes",
      paramLabel = "N",
      split = ",",
      description = "Batch sizes (default 1,2,4,8,16,32,64).")
  List<Integer> sizes = List.of(1, 2, 4, 8, 16, 32, 64);

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "Untimed runs per size (default ${DEFAULT-VALUE}).")
  int warmup = 3;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Most timed runs per size (default ${DEFAULT-VALUE}).")
  int runs = 30;

  @Option(
      names = "--seconds",
      paramLabel = "SECONDS",
      description = "Time budget per size; at least 3 runs (default ${DEFAULT-VALUE}).")
  double seconds = 5;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    double loadBefore = Load.oneMinute();
    List<String> rows = new ArrayList<>();
    String used;
    try (LandmarkModel m = LandmarkModel.open(model, InferenceDevice.parse(device))) {
      used = m.device().name().toLowerCase(Locale.ROOT);
      int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
      byte[] bytes = new byte[largest * LandmarkModel.CROP_BYTES];
      new Random(1).nextBytes(bytes);
      ByteBuffer crops = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
      for (int n : sizes) {
        for (int i = 0; i < warmup; i++) {
          m.run(crops, n);
        }
        List<Double> ms = new ArrayList<>();
        long budget = System.nanoTime() + (long) (seconds * 1e9);
        while (ms.size() < runs && (ms.size() < 3 || System.nanoTime() < budget)) {
          long t = System.nanoTime();
          m.run(crops, n);
          ms.add((System.nanoTime() - t) / 1e6);
        }
        Percentiles p = Percentiles.of(ms.stream().mapToDouble(Double::doubleValue).toArray());
        rows.add(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.2f | %.2f | %.2f | %.1f |",
                used,
                n,
                p.count(),
                p.p50(),
                p.p95(),
                p.p50() / n,
                1000.0 * n / p.p50()));
      }
      out.println();
      out.printf(
          Locale.ROOT,
          "Model %s %s (%s) on %s; 1-min load %.2f before, %.2f after%n%n",
          m.name(),
          m.version(),
          model,
          used,
          loadBefore,
          Load.oneMinute());
    }
    out.println("| device | batch | runs | ms/batch p50 | ms/batch p95 | ms/face | faces/s |");
    out.println("|---|---:|---:|---:|---:|---:|---:|");
    rows.forEach(out::println);
    out.flush();
    return 0;
  }
}
