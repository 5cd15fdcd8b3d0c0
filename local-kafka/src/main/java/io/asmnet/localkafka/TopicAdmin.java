package io.asmnet.localkafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates topics on a broker with Kafka's {@link Admin} client; for tools and tests. */
public final class TopicAdmin {

  private static final long TIMEOUT_SECONDS = 30;

  private TopicAdmin() {}

  /**
   * Creates the topics with the given partition count and replication factor 1, and waits until the
   * broker confirms them.
   *
   * @throws IllegalStateException when a topic cannot be created (it exists, a bad name...)
   */
  public static void create(String bootstrapServers, int partitions, List<String> names) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
    List<NewTopic> topics =
        names.stream()
            .map(name -> new NewTopic(name, Optional.of(partitions), Optional.of((short) 1)))
            .toList();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Cannot create topics " + names + " on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics " + names, e);
    }
  }
}
