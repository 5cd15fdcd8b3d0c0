package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.export.ContractStamp;
import io.asmnet.trainer.export.ModelContract;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trainer stamp-contract}: gives a model exported before models carried their crop contract
 * one, without touching its graph (so its outputs stay bit for bit the same).
 */
@Command(
    name = "stamp-contract",
    mixinStandardHelpOptions = true,
    description =
        "Writes the crop contract (asmnet.crop.margin, ...) into an ONNX model's metadata; the graph is unchanged.")
public final class StampContractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "model to stamp")
  Path model;

  @Option(
      names = "--out",
      paramLabel = "FILE.onnx",
      description = "where to write it (default: MODEL.onnx itself)")
  Path out;

  @Option(
      names = "--crop-margin",
      paramLabel = "FRACTION",
      defaultValue = "" + SampleMaker.DEFAULT_MARGIN,
      description =
          "margin per side the model was trained with, fraction of the landmark box (default ${DEFAULT-VALUE}, what train uses)")
  double cropMargin;

  @Override
  public Integer call() throws Exception {
    InputPaths.requireFile(spec, "MODEL.onnx", model);
    if (!(cropMargin >= 0) || !Double.isFinite(cropMargin)) {
      throw new ParameterException(
          spec.commandLine(), "--crop-margin must be finite and >= 0, got " + cropMargin);
    }
    Path target = out == null ? model : out;
    ModelContract contract;
    try {
      contract = ContractStamp.stamp(model, target, cropMargin);
    } catch (IllegalArgumentException | com.google.protobuf.InvalidProtocolBufferException e) {
      throw new ParameterException(spec.commandLine(), model + ": " + e.getMessage());
    }
    spec.commandLine().getOut().printf("wrote %s: %s%n", target, contract.metadata());
    return 0;
  }
}
