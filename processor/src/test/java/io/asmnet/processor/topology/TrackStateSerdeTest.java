package io.asmnet.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.track.TrackState;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TrackStateSerdeTest {
  private final TrackStateSerde serde = new TrackStateSerde();

  @Test
  void shouldRoundTripAState() {
    float[] a = new float[136];
    float[] b = new float[136];
    Arrays.fill(a, 1.5f);
    Arrays.fill(b, -2f);
    TrackState state = new TrackState(77, 3, List.of(a, b));

    TrackState back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

    assertThat(back.lastSequence()).isEqualTo(77);
    assertThat(back.framesSinceDetection()).isEqualTo(3);
    assertThat(back.faces()).hasSize(2);
    assertThat(back.faces().get(1)).containsExactly(b);
  }

  @Test
  void shouldRejectTruncatedBytes() {
    byte[] bytes = serde.serializer().serialize("t", new TrackState(1, 0, List.of(new float[136])));

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 4)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("track state");
  }
}
