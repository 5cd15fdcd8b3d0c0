package io.asmnet.localkafka;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code local-kafka status}: is the recorded broker running? Exit code 0 yes, 3 no. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Report whether the broker recorded in the state file runs: pid, bootstrap servers,"
          + " uptime. Exit code 0 when it runs, 3 when it does not.",
      ""
    })
final class StatusCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private BrokerLocation location;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StateFile stateFile = location.stateFile(location.port);
    Optional<BrokerState> recorded = stateFile.read();
    if (recorded.isEmpty()) {
      out.println("not running: no local Kafka broker is recorded in " + stateFile.path());
      return LocalKafkaCommand.NOT_RUNNING;
    }
    BrokerState state = recorded.get();
    if (BrokerProcess.find(state).isEmpty()) {
      out.printf(
          "not running: pid %d recorded in %s is gone (run stop to remove its data dir %s)%n",
          state.pid(), stateFile.path(), state.dataDir());
      return LocalKafkaCommand.NOT_RUNNING;
    }
    Duration uptime = Duration.ofMillis(System.currentTimeMillis() - state.startedAtEpochMillis());
    out.printf(
        "running: pid %d, bootstrap servers %s, uptime %s, accepting connections: %s%n"
            + "data dir %s, log %s%n",
        state.pid(),
        state.bootstrapServers(),
        format(uptime),
        BrokerLog.accepts(state.port()) ? "yes" : "no",
        state.dataDir(),
        state.log());
    return 0;
  }

  private static String format(Duration uptime) {
    return String.format(
        "%dh %02dm %02ds", uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());
  }
}
