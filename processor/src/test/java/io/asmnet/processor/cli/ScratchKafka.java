package io.asmnet.processor.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in a child JVM for this package's ITs (the test classpath already
 * holds kafka_2.13). Stand-in until the shared KafkaBrokerExtension (branch h-broker) is merged;
 * then use that one (one broker per run).
 */
final class ScratchKafka implements AutoCloseable {
  private final Process process;
  private final String bootstrap;

  private ScratchKafka(Process process, String bootstrap) {
    this.process = process;
    this.bootstrap = bootstrap;
  }

  static ScratchKafka start(Path dir) throws IOException, InterruptedException {
    int port = freePort();
    int controller = freePort();
    Path config = dir.resolve("server.properties");
    Files.write(config, List.of(
        "process.roles=broker,controller", "node.id=1",
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "controller.listener.names=CONTROLLER",
        "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
        "log.dirs=" + dir.resolve("data"),
        "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=1", "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=false"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    Process format = new ProcessBuilder(java, "-cp", cp, "kafka.tools.StorageTool", "format", "--standalone",
        "-t", Uuid.randomUuid().toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
    if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
      throw new IOException("formatting the broker storage failed: " + Files.readString(dir.resolve("format.log")));
    }
    Process broker = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", cp, "kafka.Kafka",
        config.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
    ScratchKafka kafka = new ScratchKafka(broker, "127.0.0.1:" + port);
    kafka.awaitReady(Duration.ofSeconds(120));
    return kafka;
  }

  String bootstrap() {
    return bootstrap;
  }

  Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }

  private void awaitReady(Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("broker exited with " + process.exitValue());
      }
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception notYet) {
        Thread.sleep(250);
      }
    }
    throw new IOException("broker not ready within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
