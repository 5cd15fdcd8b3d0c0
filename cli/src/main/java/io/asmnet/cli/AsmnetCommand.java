package io.asmnet.cli;

import io.asmnet.cli.bench.BenchCommand;
import io.asmnet.cli.clip.ClipCommand;
import io.asmnet.cli.consume.ConsumeCommand;
import io.asmnet.cli.demo.DemoCommand;
import io.asmnet.cli.publish.PublishCommand;
import io.asmnet.cli.replay.ReplayCommand;
import io.asmnet.localkafka.LocalKafkaCommand;
import io.asmnet.processor.cli.RunCommand;
import io.asmnet.processor.cli.TopicsCommand;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.trainer.cli.TrainerCommand;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet}: the root command. It only lists subcommands; each one is a {@code
 * Callable<Integer>} in its own package. Exit codes: 0 ok, 1 error, 2 usage (bad option, missing
 * file, unknown format), 3 not running ({@code local-kafka status/stop}).
 */
@Command(
    name = "asmnet",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {"Real-time face landmarks and head pose for video streams on Apache Kafka.", ""},
    // The one place where commands are registered, in --help order; the trainer's commands
    // (train, export, eval, ...) and help follow, added in commandLine().
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      TopicsCommand.class,
      PublishCommand.class,
      ConsumeCommand.class,
      ClipCommand.class,
      ReplayCommand.class,
      LocalKafkaCommand.class,
      BenchCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet demo                        everything locally, offline",
      "  asmnet local-kafka start",
      "  asmnet run --bootstrap-servers localhost:9092",
      "  asmnet publish clip.mp4 --fps 25 --loop",
      "  asmnet consume --camera cam-1 --render out.mp4",
      "  asmnet clip --out /tmp/clip && asmnet replay /tmp/clip",
      "  asmnet bench e2e --frames 300 --cameras 2",
      "",
      "Exit codes: 0 ok, 1 error, 2 usage (bad option, missing file, unknown format)."
    })
public final class AsmnetCommand implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AsmnetCommand.class);

  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line: a {@link CommandFailure} prints {@code asmnet: message} on the
   * error stream and exits with its code; other exceptions print their message (stack trace at
   * debug level) and exit 1. Tests call {@code execute()} on this.
   */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new AsmnetCommand());
    // The processor's settings table, as 'processor run --help' shows it.
    line.getSubcommands()
        .get("run")
        .getCommandSpec()
        .usageMessage()
        .footer(
            ConfigLoader.knownKeys().entrySet().stream()
                .map(e -> "  " + e.getKey() + " = " + e.getValue())
                .toArray(String[]::new));
    // The trainer's commands as its own root lists them, so one added there appears here too;
    // its training-step benchmark ('trainer bench') is 'asmnet bench train', beside the others.
    for (Map.Entry<String, CommandLine> trainer :
        new CommandLine(new TrainerCommand()).getSubcommands().entrySet()) {
      Object command = trainer.getValue().getCommandSpec().userObject();
      if (command instanceof io.asmnet.trainer.cli.BenchCommand) {
        CommandLine train = new CommandLine(command);
        train.getCommandSpec().name("train");
        line.getSubcommands().get("bench").addSubcommand("train", train);
      } else if (!line.getSubcommands().containsKey(trainer.getKey())) {
        line.addSubcommand(trainer.getKey(), command);
      }
    }
    line.addSubcommand("help", new CommandLine.HelpCommand());
    // Settings below apply to every subcommand added so far: keep them after the last one.
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(
        (e, failed, parsed) -> {
          failed.getErr().println(failed.getCommandName() + ": " + describe(e));
          failed.getErr().flush();
          LOG.debug("{} failed", failed.getCommandName(), e);
          return e instanceof CommandFailure f ? f.exitCode() : CommandFailure.ERROR;
        });
    return line;
  }

  private static String describe(Exception e) {
    if (e instanceof CommandFailure) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: see asmnet --help");
  }
}
