package io.asmnet.localkafka;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the subcommands: which broker (port) and where its state file is. */
final class BrokerLocation {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description =
          "Client port on 127.0.0.1 (start/run: 0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--state-file",
      paramLabel = "FILE",
      description = {
        "Where start records the broker (pid, port, data dir) for status and stop.",
        "Default: ${java.io.tmpdir}/asmnet-local-kafka/PORT.json"
      })
  Path stateFile;

  /** The state file of the broker on {@code actualPort} (start knows it only once started). */
  StateFile stateFile(int actualPort) {
    return stateFile != null ? new StateFile(stateFile) : StateFile.forPort(actualPort);
  }
}
