package io.asmnet.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Option;

/**
 * The Kafka connection options every command shares ({@code @Mixin}): bootstrap servers, a
 * connection timeout, and {@code --property key=value} pass-through to the clients. Timeouts are
 * set so that an unreachable broker fails within {@link #timeout()} instead of hanging; a {@code
 * --property} overrides any default set here.
 */
public final class KafkaOptions {

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "Kafka brokers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
  private String bootstrapServers;

  @Option(
      names = "--kafka-timeout",
      paramLabel = "SECONDS",
      defaultValue = "15",
      description =
          "Give up on an unreachable broker after this long (default: ${DEFAULT-VALUE} s).")
  private int timeoutSeconds;

  @Option(
      names = {"-X", "--property"},
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka client property, passed through as is (repeatable), e.g."
              + " --property compression.type=lz4 or security.protocol=SSL.")
  private Map<String, String> properties = new LinkedHashMap<>();

  /** The broker list, for messages and {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** How long to wait for the broker before failing. */
  public Duration timeout() {
    return Duration.ofSeconds(Math.max(1, timeoutSeconds));
  }

  /**
   * Settings for an Admin client: bootstrap servers, timeouts, then the pass-through properties.
   */
  public Map<String, Object> adminConfig() {
    Map<String, Object> config = base();
    config.putAll(properties);
    return config;
  }

  /**
   * Settings for a producer: {@code defaults} (the command's own, such as idempotence), the
   * timeouts that bound {@code send()} and {@code flush()}, then the pass-through properties.
   */
  public Map<String, Object> producerConfig(Map<String, Object> defaults) {
    Map<String, Object> config = base();
    config.putAll(defaults);
    long ms = timeout().toMillis();
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
    // The idempotent producer needs delivery.timeout.ms >= linger.ms + request.timeout.ms.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(ms * 2, 30_000L));
    config.putAll(properties);
    return config;
  }

  /** Settings for a consumer without a group: timeouts, then the pass-through properties. */
  public Map<String, Object> consumerConfig() {
    Map<String, Object> config = base();
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putAll(properties);
    return config;
  }

  private Map<String, Object> base() {
    Map<String, Object> config = new HashMap<>();
    int ms = (int) timeout().toMillis();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, ms);
    config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    // Without a cap the client backs off up to 1 s between tries; keep retries snappy.
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    return config;
  }
}
