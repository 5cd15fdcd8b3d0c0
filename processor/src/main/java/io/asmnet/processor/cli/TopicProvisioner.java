package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way topics are created: the missing ones of a list of {@link TopicSpec}s, within a
 * timeout. A broker that does not answer in time is a {@link KafkaUnavailableException} naming it;
 * a client that cannot even be built (a host name that does not resolve, a bad security setting) is
 * a {@link ConfigException}, each with the real cause in one line.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private final Map<String, Object> adminConfig;
  private final String bootstrapServers;
  private final Duration timeout;

  /**
   * @param adminConfig settings of the admin client (bootstrap servers, security)
   * @param timeout bounds every call to the broker
   */
  public TopicProvisioner(Map<String, Object> adminConfig, Duration timeout) {
    this.adminConfig = Map.copyOf(adminConfig);
    this.bootstrapServers = String.valueOf(adminConfig.get("bootstrap.servers"));
    this.timeout = timeout;
  }

  /** The specs whose topic is not in {@code existing}, in the given order. */
  static List<TopicSpec> missing(List<TopicSpec> specs, Set<String> existing) {
    return new ArrayList<>(specs.stream().filter(s -> !existing.contains(s.name())).toList());
  }

  /**
   * Creates the specs' missing topics when {@code create}, else fails naming them. Returns the
   * names it created.
   */
  public List<String> ensure(List<TopicSpec> specs, boolean create) throws InterruptedException {
    int ms = (int) timeout.toMillis();
    Admin admin = open();
    try {
      Set<String> existing =
          admin
              .listTopics(new ListTopicsOptions().timeoutMs(ms))
              .names()
              .get(ms + 1_000L, TimeUnit.MILLISECONDS);
      List<TopicSpec> missing = missing(specs, existing);
      warnAboutSmallerLimits(
          admin, specs.stream().filter(s -> existing.contains(s.name())).toList(), ms);
      if (missing.isEmpty()) {
        return List.of();
      }
      List<String> names = missing.stream().map(TopicSpec::name).toList();
      if (!create) {
        throw new ConfigException(
            "topics missing on "
                + bootstrapServers
                + ": "
                + String.join(", ", names)
                + " (create them, or set topics.create=true to create them at start)");
      }
      LOG.info("creating topics {}", missing);
      List<String> created = new ArrayList<>();
      var result =
          admin.createTopics(
              missing.stream().map(TopicSpec::newTopic).toList(),
              new CreateTopicsOptions().timeoutMs(ms));
      for (var entry : result.values().entrySet()) {
        try {
          entry.getValue().get(ms + 1_000L, TimeUnit.MILLISECONDS);
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) { // another instance was faster
            throw e;
          }
        }
      }
      return created;
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (TimeoutException e) {
      throw failure(e);
    } finally {
      admin.close(Duration.ofSeconds(1)); // never wait long for a broker that is not there
    }
  }

  /**
   * Existing topics are not changed, but one whose record limit is below what the spec asks for
   * refuses the largest frames (or their dead letters): say so once at start.
   */
  private static void warnAboutSmallerLimits(Admin admin, List<TopicSpec> existing, int ms)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<ConfigResource> sized =
        existing.stream()
            .filter(s -> s.configs().containsKey(TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
            .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name()))
            .toList();
    if (sized.isEmpty()) {
      return;
    }
    Map<ConfigResource, Config> configs;
    try {
      configs =
          admin
              .describeConfigs(sized, new DescribeConfigsOptions().timeoutMs(ms))
              .all()
              .get(ms + 1_000L, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // Only a hint: a principal without DescribeConfigs rights may still use the topics.
      LOG.debug("cannot read the topics' max.message.bytes: {}", e.getCause().toString());
      return;
    }
    for (TopicSpec s : existing) {
      Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, s.name()));
      ConfigEntry limit = c == null ? null : c.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      String wanted = s.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      if (limit != null
          && wanted != null
          && Long.parseLong(limit.value()) < Long.parseLong(wanted)) {
        LOG.warn(
            "topic {} takes records up to {} bytes (max.message.bytes), below the {} that decode.max.payload.bytes"
                + " needs: larger frames are refused by the broker (raise it with kafka-configs.sh --alter)",
            s.name(),
            limit.value(),
            wanted);
      }
    }
  }

  private Admin open() {
    try {
      return Admin.create(adminConfig);
    } catch (KafkaException e) {
      // "Failed to create new KafkaAdminClient" alone hides the reason: say the cause's.
      throw new ConfigException(
          "cannot use bootstrap.servers=" + bootstrapServers + ": " + rootMessage(e));
    }
  }

  private RuntimeException failure(Throwable cause) {
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException
        || cause instanceof TimeoutException) {
      return new KafkaUnavailableException(
          "cannot reach the Kafka broker at "
              + bootstrapServers
              + " within "
              + timeout.toSeconds()
              + " s (is it running? --kafka-timeout / broker.timeout.s sets the wait)",
          cause);
    }
    return new KafkaUnavailableException(
        "cannot check or create topics on " + bootstrapServers + ": " + rootMessage(cause), cause);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
