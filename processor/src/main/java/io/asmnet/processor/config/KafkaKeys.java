package io.asmnet.processor.config;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Recognises settings that belong to Kafka (Streams, clients), so they pass through unchanged. */
final class KafkaKeys {
  private static final Set<String> NAMES = names();
  private static final String[] PREFIXES = {
    "consumer.",
    "producer.",
    "admin.",
    "main.consumer.",
    "restore.consumer.",
    "global.consumer.",
    "ssl.",
    "sasl.",
    "security."
  };

  private static final String[] CLIENT_PREFIXES = {
    "main.consumer.", "restore.consumer.", "global.consumer.", "consumer.", "producer.", "admin."
  };

  private KafkaKeys() {}

  private static Set<String> names() {
    Set<String> s = new HashSet<>(StreamsConfig.configDef().names());
    s.addAll(ConsumerConfig.configNames());
    s.addAll(ProducerConfig.configNames());
    s.addAll(AdminClientConfig.configNames());
    return Set.copyOf(s);
  }

  /**
   * True for a Kafka setting by its exact name, optionally behind {@code kafka.} and one client
   * prefix ({@code kafka.producer.acks}); prefixes alone do not count, unlike {@link #isKafkaKey}.
   */
  static boolean isExactKafkaKey(String key) {
    String k =
        key.startsWith(ConfigLoader.KAFKA_PREFIX)
            ? key.substring(ConfigLoader.KAFKA_PREFIX.length())
            : key;
    if (NAMES.contains(k)) {
      return true;
    }
    for (String prefix : CLIENT_PREFIXES) {
      if (k.startsWith(prefix) && NAMES.contains(k.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  static boolean isKafkaKey(String key) {
    if (NAMES.contains(key)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
