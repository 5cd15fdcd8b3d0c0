package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.kafka.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the app ITs do with the run's broker: configure an app on it, produce, read committed. */
record AppKafka(KafkaCluster cluster) {

  /**
   * A config on this broker with topics and application.id unique to {@code suffix}, metrics on a
   * free port (tests run side by side), CPU inference and fast commits.
   */
  ProcessorConfig config(
      String suffix, boolean create, Path stateDir, Path model, Map<String, String> more) {
    Map<String, String> sets = new HashMap<>();
    sets.put("bootstrap.servers", cluster.bootstrapServers());
    sets.put("application.id", cluster.uniqueName("app-" + suffix));
    sets.put("topic.frames", "frames-" + suffix);
    sets.put("topic.pose.events", "events-" + suffix);
    sets.put("topic.dead.letters", "dlq-" + suffix);
    sets.put("topics.create", String.valueOf(create));
    sets.put("model.path", model.toString());
    sets.put("inference.device", "cpu");
    sets.put("metrics.port", "0");
    sets.put("state.dir", stateDir.toString());
    sets.put("commit.interval.ms", "100");
    sets.putAll(more);
    return ConfigLoader.load(null, Map.of(), sets);
  }

  KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Reads committed records until {@code n} arrived (or the test times out). */
  List<ConsumerRecord<byte[], byte[]>> consume(String topic, int n) {
    return consume(topic, n, Duration.ZERO);
  }

  /**
   * Reads committed records until {@code n} arrived, then keeps polling for {@code settle} so that
   * records beyond {@code n} (duplicates) would be seen too.
   */
  List<ConsumerRecord<byte[], byte[]>> consume(String topic, int n, Duration settle) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (out.size() < n) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      long until = System.nanoTime() + settle.toNanos();
      while (System.nanoTime() < until) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
