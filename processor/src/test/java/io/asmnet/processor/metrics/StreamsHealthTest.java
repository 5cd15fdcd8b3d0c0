package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamsHealthTest {

  @ParameterizedTest
  @CsvSource({
    "CREATED, true, false",
    "REBALANCING, true, false",
    "RUNNING, true, true",
    "PENDING_SHUTDOWN, false, false",
    "NOT_RUNNING, false, false",
    "PENDING_ERROR, false, false",
    "ERROR, false, false"
  })
  void shouldMapEveryStreamsStateToLiveAndReady(State state, boolean live, boolean ready) {
    StreamsHealth health = StreamsHealth.of(state, 1, KafkaContact.CONNECTED);

    assertThat(health.live()).isEqualTo(live);
    assertThat(health.ready()).isEqualTo(ready);
    assertThat(health.json()).contains("\"state\":\"" + state.name() + "\"");
  }

  @Test
  void shouldNotBeReadyWhileRebalancingAsAfterACrashedInstance() {
    StreamsHealth health = StreamsHealth.of(State.REBALANCING, 0, KafkaContact.CONNECTED);

    assertThat(health.ready()).isFalse();
    assertThat(health.live()).isTrue();
    assertThat(health.json()).contains("\"status\":\"NOT_READY\"", "\"reason\":\"rebalancing");
  }

  @Test
  void shouldNotBeReadyWhenRunningWithoutPartitions() {
    StreamsHealth health = StreamsHealth.of(State.RUNNING, 0, KafkaContact.CONNECTED);

    assertThat(health.ready()).isFalse();
    assertThat(health.reason()).isEqualTo("no partitions assigned to this instance");
  }

  @Test
  void shouldNotBeReadyButStayLiveWhileKafkaIsLost() {
    StreamsHealth health = StreamsHealth.of(State.RUNNING, 2, KafkaContact.lost(12));

    assertThat(health.ready()).isFalse();
    assertThat(health.live()).isTrue();
    assertThat(health.json())
        .isEqualTo(
            "{\"status\":\"NOT_READY\",\"live\":true,\"ready\":false,\"state\":\"RUNNING\",\"activeTasks\":2,"
                + "\"kafka\":\"LOST\",\"kafkaLostSeconds\":12,\"reason\":\"Kafka unreachable for 12 s\"}");
  }

  @Test
  void shouldBeReadyWhenRunningAssignedAndConnected() {
    assertThat(StreamsHealth.of(State.RUNNING, 2, KafkaContact.CONNECTED).json())
        .isEqualTo(
            "{\"status\":\"UP\",\"live\":true,\"ready\":true,\"state\":\"RUNNING\",\"activeTasks\":2,"
                + "\"kafka\":\"CONNECTED\"}");
  }

  @Test
  void shouldBeLiveButNotReadyBeforeTheClientExists() {
    StreamsHealth health = StreamsHealth.of(null);

    assertThat(health.live()).isTrue();
    assertThat(health.ready()).isFalse();
    assertThat(health.json())
        .isEqualTo(
            "{\"status\":\"NOT_READY\",\"live\":true,\"ready\":false,\"state\":\"NONE\",\"kafka\":\"UNKNOWN\","
                + "\"reason\":\"starting\"}");
  }
}
