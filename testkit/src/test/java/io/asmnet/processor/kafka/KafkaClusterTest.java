package io.asmnet.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaClusterTest {

  private final KafkaCluster kafka =
      new KafkaCluster("127.0.0.1:9092", "MyStreamIT-shouldDo(KafkaCluster) thing".repeat(10));

  @Test
  void shouldMakeLegalTopicNamesThatDifferPerCall() {
    String first = kafka.uniqueName("frames");
    String second = kafka.uniqueName("frames");

    assertThat(first).isNotEqualTo(second).matches("[a-z0-9._-]+").hasSizeLessThanOrEqualTo(249);
    assertThat(first).startsWith("mystreamit-shoulddo-kafkacluster-thing");
  }

  @Test
  void shouldMakeUniqueApplicationIds() {
    assertThat(kafka.uniqueApplicationId())
        .isNotEqualTo(kafka.uniqueApplicationId())
        .contains("-app-");
  }
}
