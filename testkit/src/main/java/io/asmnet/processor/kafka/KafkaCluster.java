package io.asmnet.processor.kafka;

import io.asmnet.localkafka.TopicAdmin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The broker a test talks to, as {@link KafkaBrokerExtension} hands it out, plus names that no
 * other test uses: every test gets its own topics and {@code application.id}s on the one broker of
 * the test run, so tests never see each other's records or offsets.
 *
 * @param bootstrapServers for {@code bootstrap.servers}
 * @param testName class and method of the test, the readable part of generated names
 */
public record KafkaCluster(String bootstrapServers, String testName) {

  // Topic names allow [a-zA-Z0-9._-], at most 249 characters; Streams adds suffixes to the id.
  private static final int MAX_TEST_PART = 120;
  private static final int MAX_PURPOSE = 40;

  public KafkaCluster {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(testName, "testName");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers must not be blank");
    }
  }

  /** {@code <test>-<purpose>-<random>}: a legal, unused topic name or id. */
  public String uniqueName(String purpose) {
    // Cut the test name, never the purpose: "-app" must survive a long test name.
    return cut(sanitize(testName), MAX_TEST_PART)
        + "-"
        + cut(sanitize(purpose), MAX_PURPOSE)
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A unique {@code application.id} for a Kafka Streams app (its internal topics follow it). */
  public String uniqueApplicationId() {
    return uniqueName("app");
  }

  /** Creates a topic with a unique name and waits for it; returns the name. */
  public String createTopic(String purpose, int partitions) {
    String name = uniqueName(purpose);
    TopicAdmin.create(bootstrapServers, partitions, List.of(name));
    return name;
  }

  /** {@code bootstrap.servers} only; add the client's own settings to a copy. */
  public Map<String, Object> clientConfig() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  private static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }

  private static String sanitize(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-").toLowerCase(Locale.ROOT);
  }
}
