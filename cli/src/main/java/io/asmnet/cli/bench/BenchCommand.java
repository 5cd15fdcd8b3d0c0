package io.asmnet.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet bench}: the benchmarks. Each prints figures (markdown tables for
 * docs/BENCHMARKS.md) and asserts nothing. The trainer's {@code train} is added by {@code
 * AsmnetCommand}, which owns the trainer's commands.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Benchmarks: they print figures (docs/BENCHMARKS.md) and assert nothing.",
    subcommands = {
      EndToEndCommand.class,
      ModelCommand.class,
      DetectorCommand.class,
      TablesCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet bench e2e --scenario h264-track --set tracker.redetect.interval=3",
      "  asmnet bench model --device cuda",
      "  asmnet bench detector --rounds 3",
      "  asmnet bench train --batch-sizes 4,16,32 --threads 1",
      "  bin/bench e2e       the four e2e scenarios, one JVM each, one table",
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: see asmnet bench --help");
  }
}
