package io.asmnet.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start a {@link LocalKafkaBroker}.
 *
 * @param port client listener port on 127.0.0.1; 0 picks a free one
 * @param controllerPort KRaft controller listener port on 127.0.0.1; 0 picks a free one
 * @param dataDir where config, logs and data go; null makes a new temporary directory. It must be
 *     absent or empty, because it is deleted as a whole when the broker stops
 * @param startupTimeout how long to wait for "Kafka Server started"
 * @param stopTimeout how long a clean shutdown may take before the process is killed
 * @param detached true when the broker must outlive this JVM (the {@code start} command): then
 *     neither a shutdown hook nor the parent watch stops it
 * @param jvmOptions options of the broker JVM (heap size, GC)
 */
public record BrokerOptions(
    int port,
    int controllerPort,
    Path dataDir,
    Duration startupTimeout,
    Duration stopTimeout,
    boolean detached,
    List<String> jvmOptions) {

  /** A small heap and the serial GC: a development broker on a laptop or a 2-core CI runner. */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of(
          "-Xms128m",
          "-Xmx512m",
          "-XX:+UseSerialGC",
          // C1 only: faster to start (docs/DESIGN-NOTES.md#local-broker); a development broker
          // needs no peak speed.
          "-XX:TieredStopAtLevel=1",
          "-Djava.awt.headless=true");

  public BrokerOptions {
    checkPort(port, "port");
    checkPort(controllerPort, "controllerPort");
    if (port != 0 && port == controllerPort) {
      throw new IllegalArgumentException("port and controllerPort must differ: " + port);
    }
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
    }
    if (stopTimeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must not be negative: " + stopTimeout);
    }
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** Free ports, a temporary data dir, 60 s to start, 30 s to stop, stopped with this JVM. */
  public static BrokerOptions defaults() {
    return new BrokerOptions(
        0, 0, null, Duration.ofSeconds(60), Duration.ofSeconds(30), false, DEFAULT_JVM_OPTIONS);
  }

  public BrokerOptions withPort(int newPort) {
    return new BrokerOptions(
        newPort, controllerPort, dataDir, startupTimeout, stopTimeout, detached, jvmOptions);
  }

  public BrokerOptions withDataDir(Path newDataDir) {
    return new BrokerOptions(
        port, controllerPort, newDataDir, startupTimeout, stopTimeout, detached, jvmOptions);
  }

  public BrokerOptions withStartupTimeout(Duration timeout) {
    return new BrokerOptions(
        port, controllerPort, dataDir, timeout, stopTimeout, detached, jvmOptions);
  }

  public BrokerOptions withDetached(boolean newDetached) {
    return new BrokerOptions(
        port, controllerPort, dataDir, startupTimeout, stopTimeout, newDetached, jvmOptions);
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be 0..65535: " + port);
    }
  }
}
