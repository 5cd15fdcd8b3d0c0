package io.asmnet.cli.replay;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireFormat;
import io.asmnet.schemas.serde.WireFormatException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Sorts the records read back during a replay: pose events and dead letters of this clip id and its
 * cameras are kept and mark their camera's sequence as accounted for; everything else on the topics
 * (other cameras, other runs, records of unknown schemas) is ignored. A dead letter is attributed
 * through the frame it carries. Every camera sends sequences 0..frames-1 (a replay has one camera;
 * {@code asmnet bench e2e} several). Not thread-safe.
 */
public final class ReplayCollector {
  private final String clipId;
  private final String eventsTopic;
  private final int frames;
  private final WireFormat wire;
  private final Map<String, BitSet> accounted = new LinkedHashMap<>();
  private final List<PoseEvent> events = new ArrayList<>();
  private long deadLetters;

  /** The collector of one camera's replay. */
  ReplayCollector(String cameraId, String clipId, String eventsTopic, int frames) {
    this(cameraId, clipId, eventsTopic, frames, WireFormat.singleObject());
  }

  /**
   * @param wire how the records read are framed (the processor's serde.format)
   */
  ReplayCollector(String cameraId, String clipId, String eventsTopic, int frames, WireFormat wire) {
    this(Set.of(cameraId), clipId, eventsTopic, frames, wire);
  }

  /**
   * @param cameraIds the cameras of this run, at least one
   * @param frames sequences each camera sends, 0..frames-1
   */
  public ReplayCollector(Set<String> cameraIds, String clipId, String eventsTopic, int frames) {
    this(cameraIds, clipId, eventsTopic, frames, WireFormat.singleObject());
  }

  /**
   * @param cameraIds the cameras of this run, at least one
   * @param frames sequences each camera sends, 0..frames-1
   * @param wire how the records read are framed (the processor's serde.format)
   */
  public ReplayCollector(
      Set<String> cameraIds, String clipId, String eventsTopic, int frames, WireFormat wire) {
    if (cameraIds.isEmpty()) {
      throw new IllegalArgumentException("a replay has at least one camera");
    }
    this.wire = wire;
    cameraIds.stream().sorted().forEach(c -> accounted.put(c, new BitSet()));
    this.clipId = clipId;
    this.eventsTopic = eventsTopic;
    this.frames = frames;
  }

  /** Takes one record; returns the pose event when it is one of this replay. */
  public Optional<PoseEvent> accept(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    return record.topic().equals(eventsTopic)
        ? acceptEvent(record.topic(), record.value())
        : acceptDeadLetter(record.topic(), record.value());
  }

  private Optional<PoseEvent> acceptEvent(String topic, byte[] value) {
    PoseEvent event;
    try {
      event = wire.poseEvents().deserializer().deserialize(topic, value);
    } catch (WireFormatException e) {
      return Optional.empty(); // someone else's record: not ours to judge
    }
    BitSet camera = accounted.get(event.getCameraId());
    if (!clipId.equals(event.getClipId()) || camera == null) {
      return Optional.empty();
    }
    events.add(event);
    mark(camera, event.getSequence());
    return Optional.of(event);
  }

  private Optional<PoseEvent> acceptDeadLetter(String topic, byte[] value) {
    try {
      DeadLetter letter = wire.deadLetters().deserializer().deserialize(topic, value);
      byte[] payload = new byte[letter.getPayload().remaining()];
      letter.getPayload().duplicate().get(payload);
      Frame frame = wire.frames().deserializer().deserialize(letter.getSourceTopic(), payload);
      BitSet camera = accounted.get(frame.getCameraId());
      if (clipId.equals(frame.getClipId()) && camera != null) {
        deadLetters++;
        mark(camera, frame.getSequence());
      }
    } catch (WireFormatException e) {
      // A dead letter of a record that is no frame of ours (or not a dead letter at all).
    }
    return Optional.empty();
  }

  private void mark(BitSet camera, long sequence) {
    if (sequence >= 0 && sequence < frames) {
      camera.set((int) sequence);
    }
  }

  /** True when every camera's sequences 0..frames-1 each have an event or a dead letter. */
  public boolean complete() {
    return accounted() == (long) frames * accounted.size();
  }

  /** Frames (of all cameras) with an event or a dead letter. */
  public long accounted() {
    return accounted.values().stream().mapToLong(BitSet::cardinality).sum();
  }

  /**
   * Sequences with neither, ascending, of every camera (a sequence appears once per camera missing
   * it).
   */
  public List<Long> missing() {
    List<Long> out = new ArrayList<>();
    for (BitSet camera : accounted.values()) {
      for (int s = camera.nextClearBit(0); s < frames; s = camera.nextClearBit(s + 1)) {
        out.add((long) s);
      }
    }
    return out;
  }

  /** The events kept, in the order they came. */
  public List<PoseEvent> events() {
    return List.copyOf(events);
  }

  /** Dead letters of this run's frames. */
  public long deadLetters() {
    return deadLetters;
  }
}
