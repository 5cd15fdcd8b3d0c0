package io.asmnet.processor.topology;

import io.asmnet.processor.track.TrackStateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology, as a pure function of its stages and topics (no I/O, no
 * configuration). frames (raw bytes) -> {@link FrameProcessor} (with the per-camera track store)
 * -> pose-events, or -> frames-dlq. Values are read as bytes so a record of the wrong schema
 * becomes a BAD_SCHEMA dead letter carrying its original bytes instead of stopping the thread.
 */
public final class PoseTopology {
  public static final String SOURCE = "frames-source";
  public static final String PROCESSOR = "frame-processor";
  public static final String EVENTS_SINK = "pose-events-sink";
  public static final String DEAD_LETTER_SINK = "dead-letter-sink";
  /** Per-camera {@code TrackState}, key: camera id. */
  public static final String TRACK_STORE = "camera-tracks";

  private PoseTopology() {}

  public static Topology build(Stages stages, Topics topics) {
    ProcessorSupplier<byte[], byte[], Object, Object> processors = () -> new FrameProcessor(stages, topics);
    Topology topology = new Topology();
    topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
        topics.frames().name());
    topology.addProcessor(PROCESSOR, processors, SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRACK_STORE), Serdes.String(), new TrackStateSerde()),
        PROCESSOR);
    topology.addSink(EVENTS_SINK, topics.poseEvents().name(), topics.poseEvents().keySerde().serializer(),
        topics.poseEvents().valueSerde().serializer(), PROCESSOR);
    topology.addSink(DEAD_LETTER_SINK, topics.deadLetters().name(), topics.deadLetters().keySerde().serializer(),
        topics.deadLetters().valueSerde().serializer(), PROCESSOR);
    return topology;
  }
}
