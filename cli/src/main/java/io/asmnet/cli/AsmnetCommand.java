package io.asmnet.cli;

import io.asmnet.cli.consume.ConsumeCommand;
import io.asmnet.cli.publish.PublishCommand;
import io.asmnet.processor.kafka.LocalKafkaCommand;
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
    // The one place where commands are registered: add run, demo, clip, replay, train, eval and
    // export here, in the order they should appear in --help.
    subcommands = {
      PublishCommand.class,
      ConsumeCommand.class,
      LocalKafkaCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet local-kafka start",
      "  asmnet publish clip.mp4 --fps 25 --loop",
      "  asmnet consume --camera cam-1 --render out.mp4",
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
