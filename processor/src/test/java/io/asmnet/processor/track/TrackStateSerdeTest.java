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
    TrackedFace first = new TrackedFace(a, 110.5f, 80.25f, -3.5f, 7.75f);
    TrackState state =
        new TrackState(123_456_789_012L, 7, List.of(first, TrackedFace.anchoredOnItself(b)));

    byte[] bytes = serde.serializer().serialize("store", state);
    TrackState back = serde.deserializer().deserialize("store", bytes);

    assertThat(bytes).hasSize(17 + 2 * 560);
    assertThat(back.lastSequence()).isEqualTo(123_456_789_012L);
    assertThat(back.framesSinceDetection()).isEqualTo(7);
    assertThat(back.faces()).hasSize(2);
    TrackedFace read = back.faces().get(0);
    assertThat(read.landmarks()).containsExactly(a);
    assertThat(new float[] {read.boxSide(), read.anchorExtent(), read.offsetX(), read.offsetY()})
        .containsExactly(110.5f, 80.25f, -3.5f, 7.75f);
    assertThat(back.faces().get(1).landmarks()).containsExactly(b);
    assertThat(back.faces().get(1).offsetX()).isZero();
  }

  @Test
  void shouldReadVersionOneStateAnchoredOnItsOwnLandmarks() {
    float[] a = SyntheticLandmarks.face(100, 120, 80);
    java.nio.ByteBuffer v1 = java.nio.ByteBuffer.allocate(17 + 544);
    v1.put((byte) 1).putLong(42).putInt(3).putInt(1);
    for (float v : a) {
      v1.putFloat(v);
    }

    TrackState back = serde.deserializer().deserialize("t", v1.array());

    assertThat(back.lastSequence()).isEqualTo(42);
    assertThat(back.framesSinceDetection()).isEqualTo(3);
    TrackedFace face = back.faces().get(0);
    assertThat(face.landmarks()).containsExactly(a);
    assertThat(face.offsetX()).isZero();
    assertThat(face.offsetY()).isZero();
    assertThat(face.boxSide())
        .isCloseTo(1.3f * face.anchorExtent(), org.assertj.core.data.Offset.offset(1e-3f));
  }

  @Test
  void shouldRoundTripEmptyStateAndNull() {
    TrackState back =
        serde
            .deserializer()
            .deserialize("t", serde.serializer().serialize("t", new TrackState(5, 0, List.of())));

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
    byte[] full =
        serde
            .serializer()
            .serialize(
                "t",
                new TrackState(
                    5,
                    0,
                    List.of(TrackedFace.anchoredOnItself(SyntheticLandmarks.face(1, 2, 30)))));
    byte[] truncated = Arrays.copyOf(full, full.length - 3);
    byte[] random = new byte[300];
    new Random(1).nextBytes(random);
    random[0] = TrackStateSerde.VERSION;

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("1 faces");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", random))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short");
  }
}
