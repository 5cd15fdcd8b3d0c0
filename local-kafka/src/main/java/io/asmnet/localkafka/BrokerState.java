package io.asmnet.localkafka;

import java.util.Objects;

/**
 * A running local broker as the {@code start} command records it, so that {@code status} and {@code
 * stop} (later, in another JVM) find exactly that process. Stored as JSON.
 *
 * @param pid process id of the broker JVM
 * @param port client port on 127.0.0.1
 * @param controllerPort KRaft controller port on 127.0.0.1
 * @param dataDir absolute path of the data directory (deleted on stop)
 * @param config absolute path of its {@code server.properties}, also found in its command line
 * @param log absolute path of the broker log
 * @param startedAtEpochMillis when the broker JVM was launched
 */
public record BrokerState(
    long pid,
    int port,
    int controllerPort,
    String dataDir,
    String config,
    String log,
    long startedAtEpochMillis) {

  public BrokerState {
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be positive: " + pid);
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(log, "log");
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }
}
