package io.asmnet.trainer.cli;

import io.asmnet.trainer.export.TfjsGraphImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trainer import-tfjs}: a TensorFlow.js graph model to an ONNX file. */
@Command(
    name = "import-tfjs",
    mixinStandardHelpOptions = true,
    description =
        "Converts a TensorFlow.js graph model (model.json + shards) to ONNX with the same inputs and outputs.")
public final class ImportTfjsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "MODEL.json",
      description = "the TFJS model.json; its shards lie next to it")
  Path model;

  @Option(
      names = "--out",
      paramLabel = "FILE.onnx",
      required = true,
      description = "ONNX file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    InputPaths.requireFile(spec, "MODEL.json", model);
    long start = System.nanoTime();
    long bytes = new TfjsGraphImporter().write(model, out);
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s (%d bytes) in %d ms%n", out, bytes, (System.nanoTime() - start) / 1_000_000);
    return 0;
  }
}
