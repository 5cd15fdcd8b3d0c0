package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.config.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSpecTest {
  @TempDir Path dir;

  @Test
  void shouldSizeFramesAndDeadLettersForThePayloadLimitByDefault() throws IOException {
    ProcessorConfig c = TestConfigs.load(dir, Map.of("decode.max.payload.bytes", "1000000"));

    List<TopicSpec> specs = TopicSpec.of(c);

    assertThat(specs)
        .extracting(TopicSpec::name)
        .containsExactly("frames", "pose-events", "frames-dlq");
    assertThat(specs).allSatisfy(s -> assertThat(s.partitions()).isEqualTo(4));
    assertThat(specs.get(0).configs())
        .containsEntry("max.message.bytes", String.valueOf(1000000 + 65536))
        .containsEntry("retention.ms", "3600000");
    assertThat(specs.get(1).configs()).containsOnlyKeys("max.message.bytes");
    assertThat(specs.get(2).configs()).containsOnlyKeys("max.message.bytes");
    assertThat(specs.get(0).newTopic().replicationFactor()).isEqualTo((short) -1);
  }

  @Test
  void shouldTakeTheTypedTopicSettings() throws IOException {
    ProcessorConfig c =
        TestConfigs.load(
            dir,
            Map.of(
                "topics.partitions",
                "12",
                "topics.replication.factor",
                "3",
                "topics.max.message.bytes",
                "20000000",
                "topics.frames.retention.ms",
                "60000"));

    TopicSpec frames = TopicSpec.of(c).get(0);

    assertThat(frames.partitions()).isEqualTo(12);
    assertThat(frames.newTopic().replicationFactor()).isEqualTo((short) 3);
    assertThat(frames.configs())
        .containsEntry("max.message.bytes", "20000000")
        .containsEntry("retention.ms", "60000");
  }

  @Test
  void shouldRefuseAMessageLimitBelowThePayloadLimitPlusHeadroom() {
    assertThatThrownBy(() -> TestConfigs.load(dir, Map.of("topics.max.message.bytes", "8388608")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "topics.max.message.bytes: 8388608 is below decode.max.payload.bytes + 65536 = 8454144");
  }

  @Test
  void shouldNameMissingTopicsInOrder() throws IOException {
    List<TopicSpec> specs =
        TopicSpec.of(TestConfigs.load(dir, Map.of("topic.frames", "cam-frames")));

    assertThat(TopicProvisioner.missing(specs, Set.of("pose-events", "other")))
        .extracting(TopicSpec::name)
        .containsExactly("cam-frames", "frames-dlq");
  }
}
