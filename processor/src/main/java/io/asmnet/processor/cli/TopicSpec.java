package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic as the processor wants it created: name, partitions, replication and topic configs.
 * {@link #of(ProcessorConfig)} is the one place that turns the {@code topics.*} settings into
 * topics; the processor, the {@code topics} command, the demo and {@code publish --create-topic}
 * all create topics from it.
 *
 * @param replicationFactor -1 for the broker's default
 */
public record TopicSpec(
    String name, int partitions, short replicationFactor, Map<String, String> configs) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    configs = Map.copyOf(configs);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
  }

  /** The three topics, sized for the payload limit; frames with a retention. */
  public static List<TopicSpec> of(ProcessorConfig config) {
    ProcessorConfig.TopicNames t = config.topics();
    ProcessorConfig.Provisioning p = config.provisioning();
    return List.of(
        frames(t.frames(), p), events(t.poseEvents(), p), deadLetters(t.deadLetters(), p));
  }

  /** The frames topic: large records, kept for {@code framesRetentionMs}. */
  public static TopicSpec frames(String name, ProcessorConfig.Provisioning p) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(p.maxMessageBytes()));
    c.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(p.framesRetentionMs()));
    return new TopicSpec(name, p.partitions(), p.replicationFactor(), c);
  }

  /**
   * Pose events are small (a few KB), but the processor sizes every output record by one limit, the
   * smallest output topic's: the events topic takes the dead letters' size so that it never cuts
   * the dead letters of large frames.
   */
  static TopicSpec events(String name, ProcessorConfig.Provisioning p) {
    return new TopicSpec(
        name,
        p.partitions(),
        p.replicationFactor(),
        Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(p.maxMessageBytes())));
  }

  /** Dead letters carry the original frame bytes, so they need the frames' record size. */
  static TopicSpec deadLetters(String name, ProcessorConfig.Provisioning p) {
    return new TopicSpec(
        name,
        p.partitions(),
        p.replicationFactor(),
        Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(p.maxMessageBytes())));
  }

  /** The same topic with another partition count. */
  public TopicSpec withPartitions(int n) {
    return new TopicSpec(name, n, replicationFactor, configs);
  }

  NewTopic newTopic() {
    Optional<Short> replicas =
        replicationFactor < 1 ? Optional.empty() : Optional.of(replicationFactor);
    return new NewTopic(name, Optional.of(partitions), replicas).configs(configs);
  }
}
