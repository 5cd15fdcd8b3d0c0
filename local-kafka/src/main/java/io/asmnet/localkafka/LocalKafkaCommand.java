package io.asmnet.localkafka;

import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code local-kafka}: a single-node Apache Kafka broker on 127.0.0.1 for development and CI,
 * without Docker. {@code start} leaves it running in the background, {@code stop} ends it, {@code
 * status} reports on it, {@code run} keeps it in the foreground until Ctrl-C.
 *
 * <p>Exit codes: 0 ok, 1 error, 2 usage, 3 not running ({@code status}, {@code stop}).
 */
@Command(
    name = "local-kafka",
    mixinStandardHelpOptions = true,
    versionProvider = LocalKafkaCommand.Version.class,
    synopsisSubcommandLabel = "(start | stop | status | run)",
    description = {
      "A single-node Apache Kafka broker (KRaft, broker and controller in one) on 127.0.0.1,"
          + " run from the Kafka jars in its own JVM. No Docker needed.",
      ""
    },
    subcommands = {
      StartCommand.class,
      StopCommand.class,
      StatusCommand.class,
      RunBrokerCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  local-kafka start                  background broker on 127.0.0.1:9092",
      "  local-kafka status                 is it running? (exit code 3 when not)",
      "  local-kafka stop                   stop it and delete its data",
      "  BOOTSTRAP=$(local-kafka start --port 0 --state-file ci-kafka.json)",
      "  local-kafka stop --state-file ci-kafka.json",
      "  local-kafka run                    in the foreground until Ctrl-C",
      "",
      "Exit codes: 0 ok, 1 error, 2 usage, 3 not running."
    })
public final class LocalKafkaCommand implements Runnable {

  /** Exit code of {@code status} and {@code stop} when no broker runs. */
  static final int NOT_RUNNING = 3;

  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalKafkaCommand()).execute(args));
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing subcommand: start, stop, status or run");
  }

  /** Reports the Kafka version the broker runs. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"local-kafka (Apache Kafka " + AppInfoParser.getVersion() + ")"};
    }
  }
}
