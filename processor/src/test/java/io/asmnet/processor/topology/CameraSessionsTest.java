package io.asmnet.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.track.TrackState;
import io.asmnet.processor.track.TrackStateSerde;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CameraSessionsTest {
  private static final Duration IDLE = Duration.ofSeconds(30);

  private final CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults());
  private KeyValueStore<String, TrackState> store;

  @BeforeEach
  void openStore() {
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PoseTopology.TRACK_STORE),
                Serdes.String(),
                new TrackStateSerde())
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
  }

  @AfterEach
  void close() {
    store.close();
    decoder.close();
  }

  @Test
  void shouldEvictTheStoredTrackOfACameraThatDoesNotReturnAfterTheTaskStarts() {
    store.put("gone", new TrackState(41, 2, List.of()));
    store.put("back", new TrackState(7, 0, List.of()));
    CameraSessions sessions = new CameraSessions(decoder, store, IDLE);

    assertThat(sessions.adoptStored(1_000)).isEqualTo(2);
    sessions.session("back", 20_000);
    assertThat(sessions.storedOnly()).isEqualTo(1);

    assertThat(sessions.evictIdle(30_999)).isZero();
    assertThat(store.get("gone")).isNotNull();

    assertThat(sessions.evictIdle(31_000)).isEqualTo(1);
    assertThat(store.get("gone")).as("idle for 30 s since the task started").isNull();
    assertThat(store.get("back").lastSequence()).as("sent a frame at 20 s").isEqualTo(7);
    assertThat(sessions.storedOnly()).isZero();

    assertThat(sessions.evictIdle(50_000)).isEqualTo(1);
    assertThat(store.get("back")).isNull();
    assertThat(sessions.size()).isZero();
  }

  @Test
  void shouldKeepAStoredTrackWhoseCameraSendsBeforeTheIdleTime() {
    store.put("cam-1", new TrackState(3, 1, List.of()));
    CameraSessions sessions = new CameraSessions(decoder, store, IDLE);
    sessions.adoptStored(0);

    CameraSession session = sessions.session("cam-1", 29_000);

    assertThat(session.track().lastSequence()).isEqualTo(3);
    assertThat(sessions.evictIdle(40_000)).isZero();
    assertThat(store.get("cam-1")).isNotNull();
    sessions.close();
  }
}
