package io.asmnet.cli.consume;

import io.asmnet.cli.CommandFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of some topics as raw bytes, without a consumer group (nothing is
 * committed, nothing rebalances), from the beginning or from the end. Values are decoded by the
 * caller, so one bad record can be reported or skipped without stopping the client. Owns the
 * consumer.
 */
public final class TopicTail implements AutoCloseable {
  private final Consumer<byte[], byte[]> consumer;

  private TopicTail(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /**
   * Assigns all partitions of {@code topics} and positions at their start or end.
   *
   * @param timeout bound for metadata and offset lookups
   */
  public static TopicTail open(
      Map<String, Object> config,
      Collection<String> topics,
      boolean fromBeginning,
      Duration timeout) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
          throw CommandFailure.error("topic " + topic + " does not exist");
        }
        infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      // Resolve the positions now: "latest" means the end when the command started, not when the
      // first poll happens to run.
      partitions.forEach(p -> consumer.position(p, timeout));
      return new TopicTail(consumer);
    } catch (KafkaException | CommandFailure e) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
      throw e instanceof CommandFailure f
          ? f
          : CommandFailure.error("cannot read " + topics + ": " + e.getMessage(), e);
    }
  }

  /** The records that arrived within {@code wait}. */
  public ConsumerRecords<byte[], byte[]> poll(Duration wait) {
    return consumer.poll(wait);
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
  }
}
