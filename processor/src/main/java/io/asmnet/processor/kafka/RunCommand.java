package io.asmnet.processor.kafka;

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
final class RunCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private StartOptions options;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    AtomicBoolean exiting = new AtomicBoolean();
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(options.toOptions(false))) {
      StateFile stateFile = options.location.stateFile(broker.state().port());
      stateFile.write(broker.state());
      // Ctrl-C: the broker's own shutdown hook stops it and deletes its data; this one the state.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    exiting.set(true);
                    stateFile.delete();
                  },
                  "local-kafka-state"));
      spec.commandLine().getOut().println(broker.bootstrapServers());
      spec.commandLine().getOut().flush();
      err.printf(
          "Kafka broker running (pid %d, data dir %s). Ctrl-C stops it.%n",
          broker.pid(), broker.dataDir());
      err.flush();
      int code = broker.awaitExit();
      if (exiting.get()) {
        // The JVM is shutting down (Ctrl-C reached the broker too): the hooks finish the job.
        Thread.currentThread().join();
      }
      err.printf("Kafka broker exited unexpectedly with code %d.%n%s", code, broker.logTail());
      stateFile.delete();
      return 1;
    } catch (BrokerStartException | UncheckedIOException | IllegalArgumentException e) {
      err.println("Cannot run the Kafka broker: " + e.getMessage());
      return 1;
    }
  }
}
