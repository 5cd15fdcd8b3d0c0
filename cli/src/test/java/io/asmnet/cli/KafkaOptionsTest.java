package io.asmnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.publish.FramePublisher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class KafkaOptionsTest {

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin KafkaOptions kafka;

    @Override
    public void run() {}
  }

  private static KafkaOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.kafka;
  }

  @Test
  void shouldBoundEveryClientByTheTimeout() {
    KafkaOptions kafka = parse("-b", "broker:9093", "--kafka-timeout", "4");

    Map<String, Object> producer = kafka.producerConfig(FramePublisher.producerDefaults());

    assertThat(producer)
        .containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("max.block.ms", 4_000L)
        .containsEntry("request.timeout.ms", 4_000)
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("max.request.size", FramePublisher.MAX_REQUEST_BYTES);
    assertThat(kafka.consumerConfig())
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("default.api.timeout.ms", 4_000);
  }

  @Test
  void shouldLetPropertiesOverrideTheDefaults() {
    KafkaOptions kafka =
        parse("-X", "linger.ms=50", "--property", "acks=1", "-X", "security.protocol=SSL");

    Map<String, Object> producer = kafka.producerConfig(FramePublisher.producerDefaults());

    assertThat(producer).containsEntry("linger.ms", "50").containsEntry("acks", "1");
    assertThat(kafka.adminConfig()).containsEntry("security.protocol", "SSL");
  }
}
