package io.asmnet.trainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trainer}: the root command. Subcommands are listed here and nowhere else. */
@Command(
    name = "trainer",
    mixinStandardHelpOptions = true,
    version = "asmnet-trainer 0.1.0",
    description = "Trains ASMNet (landmarks + head pose) with ASM-LOSS and exports it to ONNX.",
    subcommands = {
      TrainCommand.class,
      EvalCommand.class,
      ExportCommand.class,
      AverageCommand.class,
      ImportTfjsCommand.class,
      LearnMeshMapCommand.class,
      LabelCommand.class,
      CropErrorCommand.class,
      FetchDataCommand.class,
      BenchCommand.class,
      StampContractCommand.class
    })
public final class TrainerCommand {
  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainerCommand()).execute(args));
  }
}
