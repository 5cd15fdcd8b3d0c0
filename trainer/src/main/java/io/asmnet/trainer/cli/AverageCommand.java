package io.asmnet.trainer.cli;

import io.asmnet.trainer.train.WeightAveraging;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainer average}: the mean weights of a run's last epochs, as a checkpoint of its own. */
@Command(
    name = "average",
    mixinStandardHelpOptions = true,
    description = {
      "Averages the weights of a checkpoint's last N epochs into a new checkpoint folder.",
      "The epochs' parameter files must still be there: train with --average-last N (or more)."
    })
public final class AverageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--checkpoint",
      paramLabel = "DIR",
      required = true,
      description = "checkpoint folder of a training run")
  Path checkpoint;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      required = true,
      description = "how many of its last epochs to average")
  int epochs;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "folder for the averaged checkpoint")
  Path out;

  @Override
  public Integer call() throws Exception {
    WeightAveraging.average(checkpoint, epochs, out);
    spec.commandLine()
        .getOut()
        .printf("averaged the last %d epochs of %s into %s%n", epochs, checkpoint, out);
    return 0;
  }
}
