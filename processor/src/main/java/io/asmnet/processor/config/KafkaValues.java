package io.asmnet.processor.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Checks the values of pass-through Kafka settings with Kafka's own {@link ConfigDef}s at load
 * time, so {@code commit.interval.ms=abc} or {@code producer.acks=maybe} is one line among the
 * other configuration problems instead of a stack trace when the clients are built. A key with a
 * client prefix ({@code producer.}, {@code consumer.}, {@code admin.}, ...) is checked against that
 * client's definition; a key without one against every definition that has it, as Streams hands it
 * to every client. Keys no definition has are left alone (Kafka ignores them with a warning).
 */
final class KafkaValues {
  private record Scope(String prefix, ConfigDef def) {}

  private static final ConfigDef STREAMS = StreamsConfig.configDef();
  private static final ConfigDef PRODUCER = ProducerConfig.configDef();
  private static final ConfigDef CONSUMER = ConsumerConfig.configDef();
  private static final ConfigDef ADMIN = AdminClientConfig.configDef();
  private static final List<Scope> PREFIXED =
      List.of(
          new Scope("main.consumer.", CONSUMER), new Scope("restore.consumer.", CONSUMER),
          new Scope("global.consumer.", CONSUMER), new Scope("consumer.", CONSUMER),
          new Scope("producer.", PRODUCER), new Scope("admin.", ADMIN));

  private KafkaValues() {}

  /** Adds one problem per bad value, named by the key as given (without {@code kafka.}). */
  static void check(Map<String, String> settings, List<String> problems) {
    Map<String, String> messages = new TreeMap<>();
    settings.forEach(
        (key, value) -> {
          Scope scope = scopeOf(key);
          if (scope != null) {
            validate(scope.def(), key.substring(scope.prefix().length()), value, key, messages);
          } else {
            for (ConfigDef def : List.of(STREAMS, PRODUCER, CONSUMER, ADMIN)) {
              validate(def, key, value, key, messages);
            }
          }
        });
    messages.forEach((key, message) -> problems.add(key + ": " + message));
  }

  private static Scope scopeOf(String key) {
    for (Scope s : PREFIXED) {
      if (key.startsWith(s.prefix())) {
        return s;
      }
    }
    return null;
  }

  private static void validate(
      ConfigDef def, String name, String value, String key, Map<String, String> messages) {
    if (messages.containsKey(key) || !def.names().contains(name)) {
      return;
    }
    // One key at a time: validate() of the whole map would also report every required setting
    // (serializers, application.id) that Streams supplies itself.
    for (ConfigValue v : def.validate(Map.of(name, value))) {
      if (v.name().equals(name) && !v.errorMessages().isEmpty()) {
        messages.put(key, v.errorMessages().get(0));
      }
    }
  }
}
