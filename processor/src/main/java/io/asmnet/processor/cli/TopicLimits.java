package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest record the processor may send: its own record limit, or less if an output topic
 * allows less ({@code max.message.bytes}, the topic's or the broker's default). Read once at start,
 * so a dead letter is cut to fit the topic instead of being refused: under exactly-once a refused
 * send aborts the whole transaction, which no exception handler can undo.
 */
final class TopicLimits {
  private static final Logger LOG = LoggerFactory.getLogger(TopicLimits.class);
  private static final long TIMEOUT_S = 30;

  private TopicLimits() {}

  /**
   * @param maxRecordBytes the processor's own limit ({@code RecordLimits.maxRecordBytes})
   * @return the smaller of it and the output topics' {@code max.message.bytes}; {@code
   *     maxRecordBytes} when the topics' configs cannot be read (logged)
   */
  static int outputRecordLimit(ProcessorConfig config, Properties clientProps, int maxRecordBytes)
      throws InterruptedException {
    List<String> topics = List.of(config.topics().poseEvents(), config.topics().deadLetters());
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    try (Admin admin = Admin.create(AdminFilter.clientOnly(clientProps))) {
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(resources).all().get(TIMEOUT_S, TimeUnit.SECONDS);
      int limit = maxRecordBytes;
      for (Map.Entry<ConfigResource, Config> e : configs.entrySet()) {
        ConfigEntry entry = e.getValue().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        if (entry == null || entry.value() == null) {
          continue;
        }
        int topicMax = Integer.parseInt(entry.value());
        if (topicMax < maxRecordBytes) {
          LOG.warn(
              "topic {} takes records of at most {} bytes (max.message.bytes), less than the {} bytes that"
                  + " decode.max.payload.bytes needs: dead letters of larger frames will be cut to fit; raise the topic's"
                  + " max.message.bytes to keep them whole",
              e.getKey().name(),
              topicMax,
              maxRecordBytes);
          limit = Math.min(limit, topicMax);
        }
      }
      return limit;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn(
          "cannot read max.message.bytes of {} ({}); assuming they take {} bytes",
          topics,
          e.toString(),
          maxRecordBytes);
      return maxRecordBytes;
    }
  }
}
