package io.asmnet.cli.replay;

import io.asmnet.cli.KafkaOptions;
import io.asmnet.schemas.serde.WireFormat;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where a replay goes: the Kafka client settings (from the command's {@link KafkaOptions}, with the
 * bootstrap servers replaced when the broker is an embedded one) and the three topics.
 *
 * @param kafka the command's Kafka options (timeouts, pass-through properties)
 * @param bootstrapServers the broker actually used
 * @param framesTopic where frames are published
 * @param eventsTopic where the processor writes pose events
 * @param deadLetterTopic where the processor writes dead letters
 * @param wire how frames are written and results read (the processor's serde.format); the target's
 *     owner closes it
 */
public record ReplayTarget(
    KafkaOptions kafka,
    String bootstrapServers,
    String framesTopic,
    String eventsTopic,
    String deadLetterTopic,
    WireFormat wire) {
  public ReplayTarget {
    if (wire == null) {
      throw new IllegalArgumentException("a wire format is required");
    }
    if (kafka == null || bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("kafka options and bootstrap servers are required");
    }
    if (framesTopic == null || eventsTopic == null || deadLetterTopic == null) {
      throw new IllegalArgumentException("all three topics are required");
    }
  }

  /** A target in single-object encoding. */
  public ReplayTarget(
      KafkaOptions kafka,
      String bootstrapServers,
      String framesTopic,
      String eventsTopic,
      String deadLetterTopic) {
    this(
        kafka,
        bootstrapServers,
        framesTopic,
        eventsTopic,
        deadLetterTopic,
        WireFormat.singleObject());
  }

  /** Producer settings: the options' defaults and timeouts, on {@link #bootstrapServers}. */
  public Map<String, Object> producerConfig(Map<String, Object> defaults) {
    return onBroker(kafka.producerConfig(defaults));
  }

  /** Consumer settings without a group, read_committed, on {@link #bootstrapServers}. */
  public Map<String, Object> consumerConfig() {
    return onBroker(kafka.consumerConfig());
  }

  /** Bound for metadata and offset lookups. */
  public Duration timeout() {
    return kafka.timeout();
  }

  private Map<String, Object> onBroker(Map<String, Object> config) {
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }
}
