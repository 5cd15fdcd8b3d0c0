package io.asmnet.cli.replay;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireFormatException;
import io.asmnet.schemas.serde.WireFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Sorts the records read back during a replay: pose events and dead letters of this clip id and
 * camera are kept and mark their sequence as accounted for; everything else on the topics
 * (other cameras, other runs, records of unknown schemas) is ignored. A dead letter is
 * attributed through the frame it carries. Not thread-safe.
 */
final class ReplayCollector {
  private final String cameraId;
  private final String clipId;
  private final String eventsTopic;
  private final int frames;
  private final WireFormat wire;
  private final BitSet accounted = new BitSet();
  private final List<PoseEvent> events = new ArrayList<>();
  private long deadLetters;

  ReplayCollector(String cameraId, String clipId, String eventsTopic, int frames) {
    this(cameraId, clipId, eventsTopic, frames, WireFormat.singleObject());
  }

  /** @param wire how the records read are framed (the processor's serde.format) */
  ReplayCollector(String cameraId, String clipId, String eventsTopic, int frames, WireFormat wire) {
    this.wire = wire;
    this.cameraId = cameraId;
    this.clipId = clipId;
    this.eventsTopic = eventsTopic;
    this.frames = frames;
  }

  /** Takes one record; returns the pose event when it is one of this replay. */
  Optional<PoseEvent> accept(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    return record.topic().equals(eventsTopic) ? acceptEvent(record.topic(), record.value())
        : acceptDeadLetter(record.topic(), record.value());
  }

  private Optional<PoseEvent> acceptEvent(String topic, byte[] value) {
    PoseEvent event;
    try {
      event = wire.poseEvents().deserializer().deserialize(topic, value);
    } catch (WireFormatException e) {
      return Optional.empty(); // someone else's record: not ours to judge
    }
    if (!clipId.equals(event.getClipId()) || !cameraId.equals(event.getCameraId())) {
      return Optional.empty();
    }
    events.add(event);
    mark(event.getSequence());
    return Optional.of(event);
  }

  private Optional<PoseEvent> acceptDeadLetter(String topic, byte[] value) {
    try {
      DeadLetter letter = wire.deadLetters().deserializer().deserialize(topic, value);
      byte[] payload = new byte[letter.getPayload().remaining()];
      letter.getPayload().duplicate().get(payload);
      Frame frame = wire.frames().deserializer().deserialize(letter.getSourceTopic(), payload);
      if (clipId.equals(frame.getClipId()) && cameraId.equals(frame.getCameraId())) {
        deadLetters++;
        mark(frame.getSequence());
      }
    } catch (WireFormatException e) {
      // A dead letter of a record that is no frame of ours (or not a dead letter at all).
    }
    return Optional.empty();
  }

  private void mark(long sequence) {
    if (sequence >= 0 && sequence < frames) {
      accounted.set((int) sequence);
    }
  }

  /** True when every sequence 0..frames-1 has an event or a dead letter. */
  boolean complete() {
    return accounted.cardinality() == frames;
  }

  /** Sequences with neither, ascending. */
  List<Long> missing() {
    List<Long> out = new ArrayList<>();
    for (int s = accounted.nextClearBit(0); s < frames; s = accounted.nextClearBit(s + 1)) {
      out.add((long) s);
    }
    return out;
  }

  List<PoseEvent> events() {
    return List.copyOf(events);
  }

  long deadLetters() {
    return deadLetters;
  }
}
