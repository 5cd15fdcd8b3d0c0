package io.asmnet.localkafka;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code local-kafka stop}: stops the broker recorded in the state file, and only that one. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stop the broker recorded in the state file (after checking that its pid still runs that"
          + " broker), delete its data directory and the state file. Exit code 3 when none is"
          + " recorded.",
      ""
    })
final class StopCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private BrokerLocation location;

  @Option(
      names = "--grace",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long a clean shutdown may take before the broker is killed."
              + " Default: ${DEFAULT-VALUE}.")
  private int graceSeconds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StateFile stateFile = location.stateFile(location.port);
    Optional<BrokerState> recorded = stateFile.read();
    if (recorded.isEmpty()) {
      err.println("No local Kafka broker is recorded in " + stateFile.path() + ": nothing to stop");
      return LocalKafkaCommand.NOT_RUNNING;
    }
    BrokerState state = recorded.get();
    Optional<ProcessHandle> process = BrokerProcess.find(state);
    if (process.isPresent()) {
      boolean clean = ProcessStopper.stop(process.get(), Duration.ofSeconds(graceSeconds));
      out.printf(
          "Stopped Kafka broker pid %d on %s%s%n",
          state.pid(),
          state.bootstrapServers(),
          clean ? "" : " (killed after " + graceSeconds + " s)");
    } else {
      out.printf(
          "Kafka broker pid %d was not running any more%s%n",
          state.pid(),
          BrokerProcess.commandLineOf(state.pid())
              .map(c -> " (pid now runs: " + c + ")")
              .orElse(""));
    }
    if (!BrokerFiles.deleteRecorded(state)) {
      err.printf(
          "%s does not look like a local-kafka data directory: not deleting it%n", state.dataDir());
      return 1;
    }
    stateFile.delete();
    out.println("Removed " + state.dataDir() + " and " + stateFile.path());
    return 0;
  }
}
