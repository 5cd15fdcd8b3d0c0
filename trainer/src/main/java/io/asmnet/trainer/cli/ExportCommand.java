package io.asmnet.trainer.cli;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.export.AsmNetOnnxExporter;
import io.asmnet.trainer.export.ModelCard;
import io.asmnet.trainer.model.AsmNet;
import io.asmnet.trainer.train.Checkpoint;
import io.asmnet.trainer.train.TrainingState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainer export}: a checkpoint (or fresh random weights) to an ONNX model file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes an ONNX model: uint8 BGR [N,224,224,3] in, landmarks px and pose degrees out.")
public final class ExportCommand implements Callable<Integer> {
  static final class Source {
    @Option(
        names = "--checkpoint",
        paramLabel = "DIR",
        description = "checkpoint folder written by 'asmnet train'")
    Path checkpoint;

    @Option(names = "--untrained", description = "random weights (for testing consumers)")
    boolean untrained;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--out",
      paramLabel = "FILE.onnx",
      required = true,
      description = "ONNX file to write")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "seed of the untrained weights (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = "asmnet-68",
      description = "model name (default ${DEFAULT-VALUE})")
  String name;

  @Option(
      names = "--model-version",
      paramLabel = "VERSION",
      defaultValue = "0.1.0",
      description = "model version (default ${DEFAULT-VALUE})")
  String version;

  @Option(
      names = "--crop-margin",
      paramLabel = "FRACTION",
      defaultValue = "" + SampleMaker.DEFAULT_MARGIN,
      description =
          "crop margin per side the network was trained with, written into the model's contract"
              + " (default ${DEFAULT-VALUE}, what train uses)")
  double cropMargin;

  @Option(
      names = "--training-data",
      paramLabel = "TEXT",
      description = "what trained it, for the metadata")
  String trainingData;

  @Option(
      names = "--eval",
      paramLabel = "KEY=VALUE",
      description = "evaluation figure for the metadata, KEY=VALUE (repeatable)")
  Map<String, String> evaluation = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    InputPaths.requireDirectory(spec, "--checkpoint", source.checkpoint);
    AsmNetOnnxExporter exporter = new AsmNetOnnxExporter();
    long bytes;
    long start = System.nanoTime();
    if (source.untrained) {
      Engine.getInstance().setRandomSeed((int) seed);
      try (Model model = Model.newInstance(Checkpoint.PREFIX, Device.cpu())) {
        model.setBlock(AsmNet.create(AsmNet.POINTS_300W));
        model
            .getBlock()
            .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 224, 224));
        ModelCard card =
            new ModelCard(
                name,
                version,
                trainingData == null ? "untrained" : trainingData,
                Double.NaN,
                evaluation);
        bytes = exporter.write(model.getBlock(), card, cropMargin, out);
      }
    } else {
      TrainingState state = TrainingState.load(source.checkpoint);
      double kept = Checkpoint.asm(source.checkpoint).varianceKept();
      String data =
          trainingData != null
              ? trainingData
              : state.trainSamples()
                  + " training crops, "
                  + state.epochsDone()
                  + " epochs, "
                  + state.loss()
                  + " loss";
      try (Model model = Checkpoint.load(source.checkpoint, Device.cpu())) {
        bytes =
            exporter.write(
                model.getBlock(),
                new ModelCard(name, version, data, kept, evaluation),
                cropMargin,
                out);
      }
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s (%d bytes) in %d ms%n", out, bytes, (System.nanoTime() - start) / 1_000_000);
    return 0;
  }
}
