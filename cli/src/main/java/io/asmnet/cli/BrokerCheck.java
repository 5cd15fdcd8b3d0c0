package io.asmnet.cli;

import io.asmnet.processor.cli.KafkaUnavailableException;
import io.asmnet.processor.cli.TopicProvisioner;
import io.asmnet.processor.cli.TopicSpec;
import io.asmnet.processor.config.ConfigException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * Checks, before a command starts its real work, that the broker answers and that the topics it
 * needs exist, so the user gets "cannot reach the broker at X within 15 s" or "topic frames does
 * not exist" instead of a client that blocks or retries forever.
 */
public final class BrokerCheck {

  private BrokerCheck() {}

  /**
   * Fails unless the broker answers within the options' timeout and every topic exists.
   *
   * @throws CommandFailure naming the broker, or the missing topics
   */
  public static void requireTopics(KafkaOptions kafka, Collection<String> topics) {
    Duration timeout = kafka.timeout();
    int ms = (int) timeout.toMillis();
    Admin admin = Admin.create(kafka.adminConfig());
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(ms))
          .nodes()
          .get(ms + 1_000L, TimeUnit.MILLISECONDS);
      Set<String> existing =
          admin
              .listTopics(new ListTopicsOptions().timeoutMs(ms))
              .names()
              .get(ms + 1_000L, TimeUnit.MILLISECONDS);
      List<String> missing = topics.stream().filter(t -> !existing.contains(t)).toList();
      if (!missing.isEmpty()) {
        throw CommandFailure.error(
            (missing.size() == 1
                    ? "topic " + missing.get(0) + " does not exist"
                    : "topics " + String.join(", ", missing) + " do not exist")
                + " on "
                + kafka.bootstrapServers()
                + ": create "
                + (missing.size() == 1 ? "it" : "them")
                + " first (the processor's topics, or kafka-topics.sh --create)");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw unreachable(kafka, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandFailure.error("interrupted while contacting " + kafka.bootstrapServers(), e);
    } finally {
      admin.close(Duration.ofSeconds(1)); // never wait long for a broker that is not there
    }
  }

  /**
   * Creates the topic of {@code spec} unless it exists (the processor's one way of creating topics,
   * {@link TopicProvisioner}), then checks as {@link #requireTopics}. Returns true when it created
   * the topic.
   */
  public static boolean ensureTopic(KafkaOptions kafka, TopicSpec spec) {
    try {
      return !new TopicProvisioner(kafka.adminConfig(), kafka.timeout())
          .ensure(List.of(spec), true)
          .isEmpty();
    } catch (KafkaUnavailableException | ConfigException e) {
      throw CommandFailure.error(
          e.getMessage()
              + " (set --bootstrap-servers, or start a broker with 'asmnet local-kafka start')",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandFailure.error("interrupted while contacting " + kafka.bootstrapServers(), e);
    }
  }

  private static CommandFailure unreachable(KafkaOptions kafka, Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return CommandFailure.error(
        "cannot reach the Kafka broker at "
            + kafka.bootstrapServers()
            + " within "
            + kafka.timeout().toSeconds()
            + " s ("
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + "). Is it running? Start one with 'asmnet local-kafka start' or set"
            + " --bootstrap-servers.",
        e);
  }
}
