package io.asmnet.localkafka;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code local-kafka run}: a broker in the foreground, stopped and removed on Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Start a broker, print its bootstrap servers and keep it running until Ctrl-C or SIGTERM;"
          + " then stop it and delete its data. While it runs, status finds it.",
      ""
    })
final class RunBrokerCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private StartOptions options;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(options.toOptions(false))) {
      StateFile stateFile = options.location.stateFile(broker.state().port());
      stateFile.write(broker.state());
      out.println(broker.bootstrapServers());
      out.flush();
      err.printf(
          "Kafka broker running (pid %d, data dir %s). Ctrl-C stops it.%n",
          broker.pid(), broker.dataDir());
      err.flush();
      int code = awaitExitOrShutdown(broker, stateFile);
      err.printf("Kafka broker exited unexpectedly with code %d.%n%s", code, broker.logTail());
      return 1;
    } catch (BrokerStartException | UncheckedIOException | IllegalArgumentException e) {
      err.println("Cannot run the Kafka broker: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Blocks while the broker runs. Ctrl-C or SIGTERM shut this JVM down: the broker's own hook stops
   * it and deletes its data, the hook here deletes the state file, and this method never returns.
   * It returns the exit code when the broker died on its own.
   */
  private static int awaitExitOrShutdown(LocalKafkaBroker broker, StateFile stateFile)
      throws InterruptedException {
    AtomicBoolean exiting = new AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              exiting.set(true);
              stateFile.delete();
            },
            "local-kafka-state");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = broker.awaitExit();
    if (exiting.get()) {
      // Ctrl-C reached the broker too, so it exited first: the shutdown hooks finish the job.
      Thread.currentThread().join();
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    stateFile.delete();
    return code;
  }
}
