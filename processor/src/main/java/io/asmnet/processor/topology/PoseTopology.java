package io.asmnet.processor.topology;

import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.track.TrackStateSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology, as a pure function of its stages and topics (no I/O, no configuration).
 * frames (raw bytes) -> {@link FrameProcessor} (with the per-camera track store) -> pose-events, or
 * -> frames-dlq (both written as bytes the processor has size-checked). Values are read as bytes so
 * a record of the wrong schema becomes a BAD_SCHEMA dead letter carrying its original bytes instead
 * of stopping the thread.
 */
public final class PoseTopology {
  public static final String SOURCE = "frames-source";
  public static final String PROCESSOR = "frame-processor";
  public static final String EVENTS_SINK = "pose-events-sink";
  public static final String DEAD_LETTER_SINK = "dead-letter-sink";

  /** Per-camera {@code TrackState}, key: camera id. */
  public static final String TRACK_STORE = "camera-tracks";

  /** Default {@code decode.camera.idle.ms}: five minutes without a frame. */
  public static final Duration DEFAULT_CAMERA_IDLE = CompositeFrameDecoder.DEFAULT_IDLE;

  private PoseTopology() {}

  /** The topology with the record limit of the default payload limit. */
  public static Topology build(Stages stages, Topics topics) {
    return build(
        stages, topics, RecordLimits.maxRecordBytes(DecodeLimits.DEFAULT_MAX_PAYLOAD_BYTES));
  }

  /**
   * @param maxRecordBytes no event or dead letter larger than this is sent (see {@link
   *     RecordLimits#maxRecordBytes}); the producer's {@code max.request.size} must allow it
   */
  public static Topology build(Stages stages, Topics topics, int maxRecordBytes) {
    return build(stages, topics, maxRecordBytes, DEFAULT_CAMERA_IDLE);
  }

  /**
   * @param cameraIdle a camera's decoder state and track are evicted after this long without a
   *     frame from it ({@code decode.camera.idle.ms})
   */
  public static Topology build(
      Stages stages, Topics topics, int maxRecordBytes, Duration cameraIdle) {
    ProcessorSupplier<byte[], byte[], byte[], byte[]> processors =
        () -> new FrameProcessor(stages, topics, maxRecordBytes, cameraIdle);
    Topology topology = new Topology();
    topology.addSource(
        SOURCE,
        Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer(),
        topics.frames().name());
    topology.addProcessor(PROCESSOR, processors, SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TRACK_STORE), Serdes.String(), new TrackStateSerde()),
        PROCESSOR);
    // The processor serializes events and dead letters itself, to check their size before sending.
    topology.addSink(
        EVENTS_SINK,
        topics.poseEvents().name(),
        Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer(),
        PROCESSOR);
    topology.addSink(
        DEAD_LETTER_SINK,
        topics.deadLetters().name(),
        Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer(),
        PROCESSOR);
    return topology;
  }
}
