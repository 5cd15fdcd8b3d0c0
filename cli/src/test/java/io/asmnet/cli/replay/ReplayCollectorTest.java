package io.asmnet.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.TestMedia;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReplayCollectorTest {
  private static final String EVENTS = "pose-events";
  private static final String DLQ = "frames-dlq";

  private final ReplayCollector collector = new ReplayCollector("cam-r", "clip-1", EVENTS, 4);

  @Test
  void shouldKeepOnlyEventsOfItsClipAndCamera() {
    assertThat(collector.accept(event("cam-r", 0, "clip-1"))).isPresent();
    assertThat(collector.accept(event("cam-r", 1, "other-clip"))).isEmpty();
    assertThat(collector.accept(event("cam-x", 2, "clip-1"))).isEmpty();
    assertThat(collector.accept(event("cam-r", 3, null))).isEmpty();

    assertThat(collector.events()).extracting(PoseEvent::getSequence).containsExactly(0L);
    assertThat(collector.missing()).containsExactly(1L, 2L, 3L);
    assertThat(collector.complete()).isFalse();
  }

  @Test
  void shouldAccountForDeadLetteredFramesThroughTheFrameTheyCarry() {
    collector.accept(event("cam-r", 0, "clip-1"));
    collector.accept(event("cam-r", 1, "clip-1"));
    collector.accept(event("cam-r", 3, "clip-1"));
    collector.accept(deadLetter(frame("cam-r", 2, "other-clip")));
    assertThat(collector.missing()).containsExactly(2L);

    collector.accept(deadLetter(frame("cam-r", 2, "clip-1")));

    assertThat(collector.complete()).isTrue();
    assertThat(collector.deadLetters()).isEqualTo(1);
    assertThat(collector.missing()).isEmpty();
  }

  @Test
  void shouldIgnoreRecordsOfUnknownSchemasAndSequencesOutsideTheClip() {
    collector.accept(
        new ConsumerRecord<>(EVENTS, 0, 0L, null, "not avro".getBytes(StandardCharsets.UTF_8)));
    collector.accept(
        new ConsumerRecord<>(DLQ, 0, 0L, null, "not avro".getBytes(StandardCharsets.UTF_8)));
    collector.accept(event("cam-r", 7, "clip-1"));

    assertThat(collector.missing()).containsExactly(0L, 1L, 2L, 3L);
    assertThat(collector.deadLetters()).isZero();
    assertThat(collector.events()).hasSize(1); // kept: the scorer counts it as unexpected
  }

  @Test
  void shouldAccountForEachCameraOfARunOnItsOwn() {
    // given a run of two cameras, two frames each
    ReplayCollector two = new ReplayCollector(Set.of("cam-0", "cam-1"), "clip-1", EVENTS, 2);

    // when cam-0 is done and cam-1 has one event and one dead letter, plus a stranger's event
    two.accept(event("cam-0", 0, "clip-1"));
    two.accept(event("cam-0", 1, "clip-1"));
    two.accept(event("cam-1", 1, "clip-1"));
    two.accept(event("cam-2", 0, "clip-1"));
    assertThat(two.complete()).isFalse();
    assertThat(two.missing()).containsExactly(0L);
    two.accept(deadLetter(frame("cam-1", 0, "clip-1")));

    // then
    assertThat(two.complete()).isTrue();
    assertThat(two.accounted()).isEqualTo(4);
    assertThat(two.events())
        .extracting(e -> e.getCameraId().toString())
        .containsExactly("cam-0", "cam-0", "cam-1");
    assertThat(two.deadLetters()).isEqualTo(1);
  }

  private static ConsumerRecord<byte[], byte[]> event(String camera, long sequence, String clipId) {
    PoseEvent event = TestMedia.event(camera, sequence, 10, 10, 50, 0, 0, 0);
    event.setClipId(clipId);
    return new ConsumerRecord<>(
        EVENTS,
        0,
        sequence,
        camera.getBytes(StandardCharsets.UTF_8),
        WireSerdes.poseEvent().encode(event));
  }

  private static Frame frame(String camera, long sequence, String clipId) {
    return Frame.newBuilder()
        .setCameraId(camera)
        .setSequence(sequence)
        .setCaptureTimeMs(1)
        .setCodec(Codec.JPEG)
        .setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}))
        .setClipId(clipId)
        .build();
  }

  private static ConsumerRecord<byte[], byte[]> deadLetter(Frame frame) {
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic("frames")
            .setPartition(0)
            .setOffset(frame.getSequence())
            .setTimestampMs(1)
            .setErrorKind(ErrorKind.CORRUPT_PAYLOAD)
            .setMessage("bad")
            .setPayload(ByteBuffer.wrap(WireSerdes.frame().encode(frame)))
            .build();
    return new ConsumerRecord<>(
        DLQ, 0, frame.getSequence(), null, WireSerdes.deadLetter().encode(letter));
  }
}
