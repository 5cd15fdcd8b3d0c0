package io.asmnet.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files of one local broker, all inside its data directory: {@code server.properties}, the
 * Logback configuration of the broker JVM, its log ({@code broker.log}), what the JVM itself prints
 * ({@code broker.out}) and the KRaft log directory ({@code kraft/}). Because everything is inside
 * the one directory, deleting it removes exactly what the broker made.
 */
record BrokerFiles(Path dataDir) {

  BrokerFiles {
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /**
   * The files of a broker in {@code requested}, created if absent, or in a new temporary directory
   * when null. A requested directory must be empty: all of it is deleted on stop.
   */
  static BrokerFiles prepare(Path requested) {
    try {
      if (requested == null) {
        return new BrokerFiles(Files.createTempDirectory("asmnet-kafka-"));
      }
      if (Files.exists(requested)) {
        try (Stream<Path> entries = Files.list(requested)) {
          if (entries.findAny().isPresent()) {
            throw new BrokerStartException(
                "Data directory "
                    + requested
                    + " is not empty; it is deleted when the broker"
                    + " stops, so give an empty or new directory");
          }
        }
      }
      return new BrokerFiles(Files.createDirectories(requested));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the broker data directory " + requested, e);
    }
  }

  Path config() {
    return dataDir.resolve("server.properties");
  }

  Path logbackConfig() {
    return dataDir.resolve("logback-broker.xml");
  }

  Path log() {
    return dataDir.resolve("broker.log");
  }

  Path console() {
    return dataDir.resolve("broker.out");
  }

  Path kraftDir() {
    return dataDir.resolve("kraft");
  }

  /** Where {@code kafka-storage format} leaves its mark, for a config written by this class. */
  static Path metaPropertiesOf(Path config) {
    return config.toAbsolutePath().getParent().resolve("kraft").resolve("meta.properties");
  }

  /** Writes the broker's configuration and logging configuration. */
  void write(int port, int controllerPort) {
    try {
      Files.createDirectories(dataDir);
      Files.writeString(config(), serverProperties(port, controllerPort), StandardCharsets.UTF_8);
      Files.writeString(logbackConfig(), logbackXml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the broker configuration in " + dataDir, e);
    }
  }

  String serverProperties(int port, int controllerPort) {
    String controller = "127.0.0.1:" + controllerPort;
    // Properties files treat a backslash as an escape: Windows paths need forward slashes.
    String logDirs = kraftDir().toString().replace('\\', '/');
    return String.join(
        "\n",
        "# Written by asmnet LocalKafkaBroker: a single-node KRaft broker for development and"
            + " tests.",
        "process.roles=broker,controller",
        "node.id=1",
        // Loopback only: a development broker must not be reachable from the network.
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name=PLAINTEXT",
        "controller.listener.names=CONTROLLER",
        "controller.quorum.bootstrap.servers=" + controller,
        "log.dirs=" + logDirs,
        // One node: every replication factor and min ISR must be 1.
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "default.replication.factor=1",
        "min.insync.replicas=1",
        // The defaults (50 partitions each) make the first group join and transaction slower.
        "offsets.topic.num.partitions=1",
        "transaction.state.log.num.partitions=1",
        "num.partitions=1",
        // Nobody else joins a test's group: do not wait 3 s for them.
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=true",
        "");
  }

  private String logbackXml() {
    String file = log().toString().replace("&", "&amp;").replace("<", "&lt;");
    return String.join(
        "\n",
        "<configuration>",
        "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">",
        "    <file>" + file + "</file>",
        "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>"
            + "</encoder>",
        "  </appender>",
        // Readiness is read from this file: kafka.server.KafkaRaftServer must log at INFO.
        "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>",
        "</configuration>",
        "");
  }

  /**
   * Deletes the data directory of a recorded broker, but only when it holds the recorded config (a
   * state file is just JSON: it must not be able to point {@code stop} at any directory).
   *
   * @return false when the directory was left alone because it does not look like a broker's
   */
  static boolean deleteRecorded(BrokerState state) {
    BrokerFiles files = new BrokerFiles(Path.of(state.dataDir()));
    boolean ours =
        files.config().equals(Path.of(state.config()).toAbsolutePath().normalize())
            && Files.exists(files.config());
    if (Files.exists(files.dataDir()) && !ours) {
      return false;
    }
    files.deleteAll();
    return true;
  }

  /** Deletes the data directory and everything in it; a missing directory is fine. */
  void deleteAll() {
    if (!Files.exists(dataDir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the broker data directory " + dataDir, e);
    }
  }
}
