package io.asmnet.localkafka;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code local-kafka start}: starts a broker that outlives this command. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start a broker in the background, wait until it serves clients, record it in the state"
          + " file and print its bootstrap servers (127.0.0.1:PORT) on stdout.",
      ""
    })
final class StartCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private StartOptions options;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    int port = options.location.port;
    if (port != 0) {
      Optional<BrokerState> recorded = options.location.stateFile(port).read();
      if (recorded.isPresent() && BrokerProcess.find(recorded.get()).isPresent()) {
        err.printf("A local broker already runs on port %d (pid %d)%n", port, recorded.get().pid());
        return 1;
      }
      // A broker that died without stop left its data dir behind: remove it before replacing
      // the state file that is the only record of it.
      recorded.ifPresent(BrokerFiles::deleteRecorded);
    }
    LocalKafkaBroker broker;
    try {
      broker = LocalKafkaBroker.start(options.toOptions(true));
    } catch (BrokerStartException | UncheckedIOException | IllegalArgumentException e) {
      err.println("Cannot start the Kafka broker: " + e.getMessage());
      return 1;
    }
    StateFile stateFile = options.location.stateFile(broker.state().port());
    try {
      stateFile.write(broker.state());
    } catch (UncheckedIOException e) {
      broker.close();
      err.println(e.getMessage() + ": stopped the broker again");
      return 1;
    }
    // The broker now belongs to the state file: it is not closed here, `stop` ends it.
    err.printf(
        "Kafka broker started: pid %d, data dir %s, state file %s%n",
        broker.pid(), broker.dataDir(), stateFile.path());
    spec.commandLine().getOut().println(broker.bootstrapServers());
    return 0;
  }
}
