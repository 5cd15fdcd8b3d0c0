package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.config.TestConfigs;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Topics created from the typed settings on a real broker, and what happens when they exist. */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class TopicProvisionerIT {
  @TempDir Path dir;

  private ProcessorConfig config(KafkaCluster cluster, String suffix) throws Exception {
    return TestConfigs.load(
        dir,
        Map.of(
            "bootstrap.servers",
            cluster.bootstrapServers(),
            "topic.frames",
            "frames-" + suffix,
            "topic.pose.events",
            "events-" + suffix,
            "topic.dead.letters",
            "dlq-" + suffix,
            "topics.partitions",
            "3",
            "decode.max.payload.bytes",
            "2000000"));
  }

  @Test
  void shouldCreateTheMissingTopicsOnceWithTheirLimitsAndRetention(KafkaCluster cluster)
      throws Exception {
    String suffix = cluster.uniqueName("p");
    ProcessorConfig c = config(cluster, suffix);

    List<String> created = ProcessorApp.provisioner(c).ensure(TopicSpec.of(c), true);
    List<String> again = ProcessorApp.provisioner(c).ensure(TopicSpec.of(c), true);

    assertThat(created)
        .containsExactlyInAnyOrder("frames-" + suffix, "events-" + suffix, "dlq-" + suffix);
    assertThat(again).isEmpty();
    try (Admin admin = Admin.create(cluster.clientConfig())) {
      Map<String, Config> configs = new HashMap<>();
      for (String t : created) {
        configs.put(
            t,
            admin
                .describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, t)))
                .all()
                .get()
                .values()
                .iterator()
                .next());
      }
      assertThat(admin.describeTopics(created).allTopicNames().get().values())
          .allSatisfy(d -> assertThat(d.partitions()).hasSize(3));
      assertThat(configs.get("frames-" + suffix).get("max.message.bytes").value())
          .isEqualTo("2065536");
      assertThat(configs.get("frames-" + suffix).get("retention.ms").value()).isEqualTo("3600000");
      assertThat(configs.get("dlq-" + suffix).get("max.message.bytes").value())
          .isEqualTo("2065536");
    }
  }

  @Test
  void shouldNameTheMissingTopicsWhenNotAskedToCreateThem(KafkaCluster cluster) throws Exception {
    String suffix = cluster.uniqueName("m");
    ProcessorConfig c = config(cluster, suffix);

    assertThatThrownBy(() -> ProcessorApp.provisioner(c).ensure(TopicSpec.of(c), false))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid configuration: topics missing on "
                + cluster.bootstrapServers()
                + ": frames-"
                + suffix
                + ", events-"
                + suffix
                + ", dlq-"
                + suffix
                + " (create them, or set topics.create=true to create them at start)");
  }

  @Test
  void shouldGiveUpOnAnUnreachableBrokerWithinTheTimeout() throws Exception {
    TopicProvisioner p =
        new TopicProvisioner(
            Map.of(
                "bootstrap.servers",
                "127.0.0.1:1",
                "request.timeout.ms",
                1000,
                "default.api.timeout.ms",
                1000),
            Duration.ofSeconds(1));

    assertThatThrownBy(() -> p.ensure(List.of(), true))
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessageStartingWith("cannot reach the Kafka broker at 127.0.0.1:1 within 1 s");
  }
}
