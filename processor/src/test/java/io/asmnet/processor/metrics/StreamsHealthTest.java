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
    "REBALANCING, true, true",
    "RUNNING, true, true",
    "PENDING_SHUTDOWN, false, false",
    "NOT_RUNNING, false, false",
    "PENDING_ERROR, false, false",
    "ERROR, false, false"
  })
  void shouldMapEveryStreamsStateToLiveAndReady(State state, boolean live, boolean ready) {
    StreamsHealth health = StreamsHealth.of(state);

    assertThat(health.live()).isEqualTo(live);
    assertThat(health.ready()).isEqualTo(ready);
    assertThat(health.json()).contains("\"state\":\"" + state.name() + "\"");
  }

  @Test
  void shouldBeLiveButNotReadyBeforeTheClientExists() {
    StreamsHealth health = StreamsHealth.of(null);

    assertThat(health.live()).isTrue();
    assertThat(health.ready()).isFalse();
    assertThat(health.json())
        .isEqualTo("{\"status\":\"STARTING\",\"live\":true,\"ready\":false,\"state\":\"NONE\"}");
  }
}
