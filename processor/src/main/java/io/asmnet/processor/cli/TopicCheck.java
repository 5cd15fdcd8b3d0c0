package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ProcessorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start that the three topics exist, or creates the missing ones when {@code
 * topics.create=true}; Kafka Streams would otherwise fail later with a less helpful message.
 */
final class TopicCheck {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCheck.class);
  private static final long TIMEOUT_S = 30;

  private TopicCheck() {}

  /** The configured topics not in {@code existing}, in frames, events, dead letters order. */
  static List<String> missing(ProcessorConfig config, Set<String> existing) {
    List<String> wanted = List.of(config.topics().frames(), config.topics().poseEvents(), config.topics().deadLetters());
    return new ArrayList<>(wanted.stream().filter(t -> !existing.contains(t)).toList());
  }

  static ConfigException missingTopics(ProcessorConfig config, List<String> missing) {
    return new ConfigException("topics missing on " + config.kafka().bootstrapServers() + ": "
        + String.join(", ", missing) + " (create them, or set topics.create=true to create them at start)");
  }

  static void ensureTopics(ProcessorConfig config, Properties clientProps) throws InterruptedException {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_S));
    try (Admin admin = Admin.create(AdminFilter.clientOnly(props))) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
      List<String> missing = missing(config, existing);
      if (missing.isEmpty()) {
        return;
      }
      if (!config.kafka().createTopics()) {
        throw missingTopics(config, missing);
      }
      LOG.info("creating topics {}", missing);
      admin.createTopics(missing.stream().map(t -> new NewTopic(t, java.util.Optional.empty(), java.util.Optional.empty())).toList())
          .all().get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new KafkaUnavailableException("cannot check topics on " + config.kafka().bootstrapServers()
          + " within " + TIMEOUT_S + " s: " + cause, cause);
    }
  }
}
