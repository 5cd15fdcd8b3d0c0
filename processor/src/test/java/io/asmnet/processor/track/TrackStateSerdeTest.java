package io.asmnet.processor.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TrackStateSerdeTest {
  private final TrackStateSerde serde = new TrackStateSerde();

  @Test
  void shouldRoundTripStateWithFaces() {
    float[] a = SyntheticLandmarks.face(100, 120, 80);
    float[] b = SyntheticLandmarks.face(400, 220, 150);
    TrackState state = new TrackState(123_456_789_012L, 7, List.of(a, b));

    byte[] bytes = serde.serializer().serialize("store", state);
    TrackState back = serde.deserializer().deserialize("store", bytes);

    assertThat(bytes).hasSize(17 + 2 * 544);
    assertThat(back.lastSequence()).isEqualTo(123_456_789_012L);
    assertThat(back.framesSinceDetection()).isEqualTo(7);
    assertThat(back.faces()).hasSize(2);
    assertThat(back.faces().get(0)).containsExactly(a);
    assertThat(back.faces().get(1)).containsExactly(b);
  }

  @Test
  void shouldRoundTripEmptyStateAndNull() {
    TrackState back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", new TrackState(5, 0, List.of())));

    assertThat(back.faces()).isEmpty();
    assertThat(back.lastSequence()).isEqualTo(5);
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void shouldRefuseUnknownVersion() {
    byte[] bytes = serde.serializer().serialize("t", new TrackState(5, 0, List.of()));
    bytes[0] = 9;

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version 9");
  }

  @Test
  void shouldRefuseTruncatedOrRandomBytes() {
    byte[] full = serde.serializer().serialize("t", new TrackState(5, 0, List.of(SyntheticLandmarks.face(1, 2, 30))));
    byte[] truncated = Arrays.copyOf(full, full.length - 3);
    byte[] random = new byte[300];
    new Random(1).nextBytes(random);
    random[0] = TrackStateSerde.VERSION;

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("1 faces");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", random)).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short");
  }
}
