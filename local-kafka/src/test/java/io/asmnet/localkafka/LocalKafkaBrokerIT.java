package io.asmnet.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as users and the test kit get it. It starts its own (the test kit's broker extension
 * is built on this module, so it cannot be used here), and clients check that it delivers plain and
 * transactional records.
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalKafkaBrokerIT {

  private static LocalKafkaBroker shared;

  @BeforeAll
  static void startBroker() {
    shared = LocalKafkaBroker.start(BrokerOptions.defaults());
  }

  @AfterAll
  static void stopBroker() {
    if (shared != null) {
      shared.close();
    }
  }

  @Test
  void shouldDeliverProducedRecordsToAConsumerGroup() throws Exception {
    // given
    String topic = createTopic("plain", 2);
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)).get();
      }
    }

    // when
    List<ConsumerRecord<String, String>> records =
        consume(topic, uniqueName("group"), "read_uncommitted", 10);

    // then
    assertThat(records)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder(
            "value-0", "value-1", "value-2", "value-3", "value-4", "value-5", "value-6", "value-7",
            "value-8", "value-9");
  }

  @Test
  void shouldShowOnlyCommittedTransactionsToReadCommittedConsumers() throws Exception {
    // given
    String topic = createTopic("tx", 1);
    Map<String, Object> transactional =
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, uniqueName("tx-id"));
    try (KafkaProducer<String, String> producer = producer(transactional)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c", "aborted-1"));
      producer.flush();
      producer.abortTransaction();
      // A last committed record: once it is read, everything before it has been decided.
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "d", "committed-3"));
      producer.commitTransaction();
    }

    // when
    List<ConsumerRecord<String, String>> committed =
        consume(topic, uniqueName("committed"), "read_committed", 3);
    List<ConsumerRecord<String, String>> everything =
        consume(topic, uniqueName("uncommitted"), "read_uncommitted", 4);

    // then
    assertThat(committed)
        .extracting(ConsumerRecord::value)
        .containsExactly("committed-1", "committed-2", "committed-3");
    assertThat(everything).extracting(ConsumerRecord::value).contains("aborted-1");
  }

  @Test
  void shouldStopItsProcessAndDeleteItsDataWhenClosed(@TempDir Path temp) {
    // given
    Path dataDir = temp.resolve("broker");
    LocalKafkaBroker broker = LocalKafkaBroker.start(BrokerOptions.defaults().withDataDir(dataDir));
    ProcessHandle process = ProcessHandle.of(broker.pid()).orElseThrow();
    assertThat(process.isAlive()).isTrue();
    assertThat(BrokerLog.accepts(broker.state().port())).isTrue();
    assertThat(dataDir.resolve("broker.log")).content().contains(BrokerLog.STARTED);

    // when
    broker.close();

    // then
    assertThat(process.isAlive()).isFalse();
    assertThat(dataDir).doesNotExist();
    assertThat(BrokerLog.accepts(broker.state().port())).isFalse();
  }

  @Test
  void shouldRunInItsOwnProcessGroupSoThatATerminalsCtrlCReachesOnlyItsOwner() throws Exception {
    Path stat = Path.of("/proc", Long.toString(shared.pid()), "stat");
    assumeTrue(Files.isReadable(stat) && Files.isExecutable(Path.of("/usr/bin/setsid")));

    assertThat(processGroup(stat))
        .isEqualTo(shared.pid())
        .isNotEqualTo(processGroup(Path.of("/proc/self/stat")));
    assertThat(ProcessHandle.of(shared.pid()).orElseThrow().info().command().orElse(""))
        .as("setsid exec'd the JVM in place")
        .endsWith("java");
  }

  /** Field 5 of /proc/PID/stat, after the parenthesised command name. */
  private static long processGroup(Path stat) throws IOException {
    String line = Files.readString(stat);
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[2]);
  }

  @Test
  void shouldLeaveTheOwnerTimeToCloseBeforeItsExitHookStopsTheBroker(@TempDir Path temp)
      throws Exception {
    LocalKafkaBroker broker =
        LocalKafkaBroker.start(BrokerOptions.defaults().withDataDir(temp.resolve("a")));
    ProcessHandle process = ProcessHandle.of(broker.pid()).orElseThrow();
    Thread hook = new Thread(() -> broker.stopOnExit(Duration.ofMinutes(2)));
    hook.start();
    hook.join(1_000);
    assertThat(hook.isAlive()).as("the hook waits for the owner").isTrue();
    assertThat(BrokerLog.accepts(broker.state().port())).as("the broker still serves").isTrue();

    broker.close(); // the owner, after closing its clients

    hook.join(30_000);
    assertThat(hook.isAlive()).isFalse();
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void shouldStopTheBrokerFromTheExitHookWhenTheOwnerNeverCloses(@TempDir Path temp) {
    Path dataDir = temp.resolve("b");
    LocalKafkaBroker broker = LocalKafkaBroker.start(BrokerOptions.defaults().withDataDir(dataDir));
    ProcessHandle process = ProcessHandle.of(broker.pid()).orElseThrow();

    broker.stopOnExit(Duration.ofMillis(100));

    assertThat(process.isAlive()).isFalse();
    assertThat(dataDir).doesNotExist();
    broker.close(); // idempotent: removes the hook only
  }

  @Test
  void shouldExplainATimeoutWithTheTailOfTheBrokerLog(@TempDir Path temp) {
    Path dataDir = temp.resolve("slow");
    BrokerOptions tooShort =
        BrokerOptions.defaults().withDataDir(dataDir).withStartupTimeout(Duration.ofMillis(300));

    assertThatThrownBy(() -> LocalKafkaBroker.start(tooShort))
        .isInstanceOf(BrokerStartException.class)
        .hasMessageContaining("did not start within")
        .hasMessageContaining("last lines of");
    assertThat(dataDir).doesNotExist();
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(clientConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putAll(extra);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> consume(
      String topic, String group, String isolation, int expected) {
    Map<String, Object> config = new HashMap<>(clientConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // One more poll: a broken read_committed filter would show aborted records here.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      consumer.commitSync();
    }
    return records;
  }

  private static Map<String, Object> clientConfig() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, shared.bootstrapServers());
  }

  private static String uniqueName(String purpose) {
    return "local-kafka-it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String createTopic(String purpose, int partitions) {
    String name = uniqueName(purpose);
    TopicAdmin.create(shared.bootstrapServers(), partitions, List.of(name));
    return name;
  }
}
