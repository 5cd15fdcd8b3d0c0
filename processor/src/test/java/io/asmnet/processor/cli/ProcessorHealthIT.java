package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.asmnet.localkafka.BrokerOptions;
import io.asmnet.localkafka.LocalKafkaBroker;
import io.asmnet.processor.cli.ProcessorProcess.Health;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.processor.metrics.KafkaContactWatch;
import io.asmnet.processor.topology.TestFrames;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.serde.WireSerdes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Readiness tells the truth under faults: an instance restarted after a kill -9 is not ready while
 * the dead member still holds the partitions, static membership hands them back at once, and a
 * broker that stops answering makes the instance not ready and is logged.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class ProcessorHealthIT {
  private static KafkaCluster cluster;
  private static Path model;
  @TempDir Path dir;

  @BeforeAll
  static void setUp(KafkaCluster shared) {
    cluster = shared;
    model = TestModels.require().toAbsolutePath();
  }

  private Map<String, String> settings(
      String bootstrap, String appId, String suffix, String stateDir) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", bootstrap);
    s.put("application.id", appId);
    s.put("topic.frames", "frames-" + suffix);
    s.put("topic.pose.events", "events-" + suffix);
    s.put("topic.dead.letters", "dlq-" + suffix);
    s.put("topics.create", "true");
    s.put("topics.partitions", "1"); // one task: the restarted instance holds it or nothing
    s.put("model.path", model.toString());
    s.put("inference.device", "cpu");
    s.put("state.dir", dir.resolve(stateDir).toString());
    s.put("commit.interval.ms", "100");
    return s;
  }

  @Test
  @Timeout(300)
  void shouldNotBeReadyAfterAKill9RestartUntilThePartitionsAreBack() throws Exception {
    String appId = cluster.uniqueApplicationId();
    String suffix = appId.substring(appId.length() - 8);
    Map<String, String> a = settings(cluster.bootstrapServers(), appId, suffix, "a");
    // The dead member's session: 10 s instead of 45 s, to keep the test short.
    a.put("kafka.main.consumer.session.timeout.ms", "10000");
    Map<String, String> b = new HashMap<>(a);
    b.put("state.dir", dir.resolve("b").toString());

    ProcessorProcess first = ProcessorProcess.start(a, dir.resolve("a.log"));
    first.awaitReady();
    first.kill();
    List<Health> seen;
    try (ProcessorProcess restarted = ProcessorProcess.start(b, dir.resolve("b.log"))) {
      seen = restarted.awaitReady();
      // Ready means making progress: a frame sent now comes out as an event.
      AppKafka kafka = new AppKafka(cluster);
      produceFrame(kafka, "frames-" + suffix);
      assertThat(kafka.consume("events-" + suffix, 1)).hasSize(1);
    }

    // While the killed member held the partitions the instance said so, not 200.
    assertThat(seen)
        .filteredOn(h -> h.status() == 503)
        .anySatisfy(
            h ->
                assertThat(h.body())
                    .contains("\"state\":\"REBALANCING\"", "\"reason\":\"rebalancing"));
    assertThat(seen)
        .filteredOn(h -> h.status() == 200)
        .allSatisfy(
            h -> assertThat(h.body()).contains("\"state\":\"RUNNING\"", "\"activeTasks\":1"));
  }

  @Test
  @Timeout(200)
  void shouldGetThePartitionsBackAtOnceWithStaticMembership() throws Exception {
    String appId = cluster.uniqueApplicationId();
    String suffix = appId.substring(appId.length() - 8);
    Map<String, String> a = settings(cluster.bootstrapServers(), appId, suffix, "a");
    a.put("group.instance.id", "it-" + suffix);
    // Without static membership the restarted instance would wait out these 150 s (test timeout:
    // 200 s
    // for two starts); with it, the broker hands the same member's partitions back at once.
    a.put("kafka.main.consumer.session.timeout.ms", "150000");
    Map<String, String> b = new HashMap<>(a);
    b.put("state.dir", dir.resolve("b").toString());

    ProcessorProcess first = ProcessorProcess.start(a, dir.resolve("a.log"));
    first.awaitReady();
    first.kill();
    List<MemberDescription> members;
    try (ProcessorProcess restarted = ProcessorProcess.start(b, dir.resolve("b.log"));
        Admin admin = Admin.create(cluster.clientConfig())) {
      restarted.awaitReady();
      members =
          List.copyOf(
              admin.describeConsumerGroups(List.of(appId)).all().get().get(appId).members());
    }

    assertThat(members)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.groupInstanceId())
                    .hasValueSatisfying(id -> assertThat(id).startsWith("it-" + suffix)));
  }

  @Test
  @Timeout(300)
  void shouldTurnNotReadyAndLogWhileTheBrokerDoesNotAnswer() throws Exception {
    Logger watchLog = (Logger) LoggerFactory.getLogger(KafkaContactWatch.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    watchLog.addAppender(lines);
    HttpClient http = HttpClient.newHttpClient();
    // A broker of this test's own: it is frozen (SIGSTOP) and resumed (SIGCONT), as a hung broker
    // or a network partition: connections stay open and nothing answers.
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(BrokerOptions.defaults())) {
      AppKafka kafka =
          new AppKafka(new KafkaCluster(broker.bootstrapServers(), "ProcessorHealthIT-outage"));
      Map<String, String> s = settings(broker.bootstrapServers(), "outage-app", "outage", "state");
      s.put("metrics.port", "0");
      ProcessorConfig config = ConfigLoader.load(null, Map.of(), s);
      RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
      try {
        int port = running.metricsPort();
        awaitHealth(http, port, h -> h.status() == 200);

        signal(broker.pid(), "STOP");
        long stoppedAt = System.nanoTime();
        Health during;
        String scrape;
        try {
          during = awaitHealth(http, port, h -> h.status() == 503);
          scrape = get(http, port, "/metrics");
          // Longer than the transaction timeout Streams uses with exactly-once (10 s): processing
          // must resume after the open transaction was aborted, too.
          Thread.sleep(15_000);
        } finally {
          signal(broker.pid(), "CONT");
        }
        long outageSeconds = (System.nanoTime() - stoppedAt) / 1_000_000_000L;
        awaitHealth(http, port, h -> h.status() == 200);
        awaitLine(
            lines,
            e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("reachable again"));
        produceFrame(kafka, config.topics().frames());
        assertThat(kafka.consume(config.topics().poseEvents(), 1)).hasSize(1);

        assertThat(during.body())
            .contains("\"kafka\":\"LOST\"", "\"reason\":\"Kafka unreachable for");
        assertThat(scrape)
            .containsPattern("asmnet_kafka_connected\\{[^}]*\\} 0\\.0")
            .containsPattern("asmnet_ready\\{[^}]*\\} 0\\.0");
        List<ILoggingEvent> warnings =
            lines.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        // Once, then at most once per 30 s (plus one for the probe in flight when it came back).
        assertThat(warnings).isNotEmpty().hasSizeLessThanOrEqualTo(2 + (int) (outageSeconds / 30));
        assertThat(warnings.get(0).getFormattedMessage())
            .contains("Kafka at " + broker.bootstrapServers() + " unreachable");
      } finally {
        running.close();
        watchLog.detachAppender(lines);
      }
    }
  }

  private static Health awaitHealth(HttpClient http, int port, Predicate<Health> until)
      throws InterruptedException {
    while (true) {
      Health h = ProcessorProcess.ready(http, port);
      if (until.test(h)) {
        return h;
      }
      Thread.sleep(200);
    }
  }

  private static void awaitLine(ListAppender<ILoggingEvent> lines, Predicate<ILoggingEvent> line)
      throws InterruptedException {
    while (List.copyOf(lines.list).stream().noneMatch(line)) {
      Thread.sleep(200);
    }
  }

  private static String get(HttpClient http, int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void produceFrame(AppKafka kafka, String topic) {
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      byte[] value =
          WireSerdes.frame()
              .serializer()
              .serialize(topic, TestFrames.frame("cam", 0, Codec.JPEG, TestFrames.jpeg(60)));
      producer.send(new ProducerRecord<>(topic, "cam".getBytes(), value));
    }
  }

  private static void signal(long pid, String signal) throws Exception {
    int code =
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    assertThat(code).as("kill -%s %d", signal, pid).isZero();
  }
}
