package io.asmnet.processor.topology;

import io.asmnet.processor.decode.DecodeException;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.emit.DeadLetterEncoder;
import io.asmnet.processor.emit.DeadLetterFactory;
import io.asmnet.processor.emit.FrameTimings;
import io.asmnet.processor.emit.PoseEventAssembler;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.emit.RecordOrigin;
import io.asmnet.processor.infer.BatchFailedException;
import io.asmnet.processor.infer.BatcherClosedException;
import io.asmnet.processor.infer.FaceLandmarks;
import io.asmnet.processor.infer.LandmarkResults;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.processor.track.LocatedFaces;
import io.asmnet.processor.track.TrackState;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per stream task: turns each raw frame record into exactly one pose event or one dead letter,
 * forwarded (already serialized, and checked to fit {@code maxRecordBytes}) before {@code process}
 * returns. Owns its task's decoder and face locator: created in {@code init}, closed in {@code
 * close} (called when the task is revoked or migrated). Each camera's decoder state and track are
 * reached through its {@link CameraSession}; a wall-clock punctuator evicts the sessions of cameras
 * that went quiet for {@code cameraIdle}.
 *
 * <p>Faults of the record (bad bytes, wrong key, a failure while processing it) become dead
 * letters. Faults of the inference service (model run failed, batcher shut down or dead) and of the
 * schema registry (unreachable or failing, with {@code serde.format=registry}) are not the
 * record's: they throw, the offset stays uncommitted and the record is processed again.
 */
final class FrameProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(FrameProcessor.class);

  /** How often idle cameras are evicted (wall clock). */
  static final Duration IDLE_CHECK_INTERVAL = Duration.ofSeconds(1);

  private final Stages stages;
  private final Deserializer<Frame> frameReader;
  private final Serializer<PoseEvent> eventWriter;
  private final DeadLetterEncoder deadLetters;
  private final PoseEventAssembler assembler;
  private final String eventsTopic;
  private final String deadLetterTopic;
  private final int maxRecordBytes;
  private final Duration cameraIdle;
  private ProcessorContext<byte[], byte[]> context;
  private CameraSessions sessions;
  private FrameDecoder decoder;
  private FaceLocator locator;

  FrameProcessor(Stages stages, Topics topics, int maxRecordBytes, Duration cameraIdle) {
    this.stages = stages;
    this.cameraIdle = cameraIdle;
    this.frameReader = topics.frames().valueSerde().deserializer();
    this.eventWriter = topics.poseEvents().valueSerde().serializer();
    this.eventsTopic = topics.poseEvents().name();
    this.deadLetterTopic = topics.deadLetters().name();
    this.maxRecordBytes = maxRecordBytes;
    this.deadLetters =
        new DeadLetterEncoder(
            new DeadLetterFactory(stages.clock()),
            topics.deadLetters().valueSerde().serializer(),
            maxRecordBytes);
    this.assembler =
        new PoseEventAssembler(
            stages.estimator().modelName(), stages.estimator().modelVersion(), stages.clock());
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    KeyValueStore<String, TrackState> tracks = context.getStateStore(PoseTopology.TRACK_STORE);
    this.decoder = stages.decoders().get();
    this.locator = stages.locators().get();
    this.sessions = new CameraSessions(decoder, tracks, cameraIdle);
    int adopted = sessions.adoptStored(context.currentSystemTimeMs());
    if (adopted > 0) {
      LOG.debug("task {} restored {} cameras' tracks", context.taskId(), adopted);
    }
    context.schedule(IDLE_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, sessions::evictIdle);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    long start = System.nanoTime();
    Frame frame;
    try {
      frame = record.value() == null ? null : frameReader.deserialize(topic(), record.value());
    } catch (SchemaRegistryException e) {
      // The registry is down or failing, not this frame: no dead letter (every frame would get
      // one); the task fails, its offset stays uncommitted, the frame is read again after restart.
      throw new StreamsException("cannot read frame at " + topic() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deadLetter(record, ErrorKind.BAD_SCHEMA, e.getMessage());
      return;
    }
    if (frame == null) {
      deadLetter(record, ErrorKind.BAD_SCHEMA, "record has no value (tombstone); expected a Frame");
      return;
    }
    String camera = frame.getCameraId();
    byte[] cameraKey = camera.getBytes(StandardCharsets.UTF_8);
    if (!Arrays.equals(record.key(), cameraKey)) {
      // Partitioning is by key, state by camera id: a mismatch would split a camera's state
      // (and its H.264 reference pictures) across tasks.
      deadLetter(
          record,
          ErrorKind.BAD_SCHEMA,
          "record key "
              + describeKey(record.key())
              + " does not match the frame's cameraId '"
              + camera
              + "' (frames must be keyed by their camera id)");
      return;
    }
    PoseEvent event;
    try {
      event = poseEvent(frame, start);
    } catch (DecodeException e) {
      deadLetter(record, e.kind(), e.getMessage());
      return;
    } catch (InterruptedException e) {
      // Shutdown: leave the offset uncommitted so the frame is processed again after restart.
      Thread.currentThread().interrupt();
      throw new StreamsException("interrupted while waiting for landmarks", e);
    } catch (BatcherClosedException | BatchFailedException e) {
      // The inference service failed, not this frame: no dead letter; the offset stays
      // uncommitted so the frame is processed again once the service works.
      throw new StreamsException(
          "landmark inference unavailable for frame " + camera + "/" + frame.getSequence(), e);
    } catch (RuntimeException e) {
      LOG.warn("frame {}/{} failed inside the processor", camera, frame.getSequence(), e);
      deadLetter(record, ErrorKind.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage());
      return;
    }
    byte[] value = eventWriter.serialize(eventsTopic, event);
    long size = RecordLimits.recordBytes(cameraKey, value, record.headers());
    if (size > maxRecordBytes) {
      deadLetter(
          record,
          ErrorKind.INTERNAL,
          "the pose event of "
              + size
              + " bytes exceeds the record limit of "
              + maxRecordBytes
              + " bytes");
      return;
    }
    context.forward(record.withKey(cameraKey).withValue(value), PoseTopology.EVENTS_SINK);
    stages.observer().frameProcessed(event);
  }

  private PoseEvent poseEvent(Frame frame, long start)
      throws DecodeException, InterruptedException {
    CameraSession session = sessions.session(frame.getCameraId(), context.currentSystemTimeMs());
    long t0 = System.nanoTime();
    try (DecodedFrame decoded = session.decode(frame)) {
      long decodeMicros = (System.nanoTime() - t0) / 1000;
      TrackState previous = session.track();
      LocatedFaces located = locator.locate(decoded.bgr(), previous, frame.getSequence());
      LandmarkResults results = stages.estimator().estimate(decoded.bgr(), located.faces());
      List<float[]> landmarks = results.faces().stream().map(FaceLandmarks::landmarks).toList();
      session.keep(locator.update(previous, located, landmarks, frame.getSequence()));
      FrameTimings timings = new FrameTimings(decodeMicros, (System.nanoTime() - start) / 1000);
      return assembler.assemble(
          frame, decoded.width(), decoded.height(), located, results, timings);
    }
  }

  private void deadLetter(Record<byte[], byte[]> record, ErrorKind kind, String message) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    RecordOrigin origin =
        new RecordOrigin(
            meta == null ? topic() : meta.topic(),
            meta == null ? -1 : meta.partition(),
            meta == null ? -1 : meta.offset(),
            record.key(),
            record.timestamp());
    DeadLetterEncoder.Encoded dl =
        deadLetters.encode(
            deadLetterTopic, origin, kind, message, record.value(), record.headers());
    if (dl.truncated()) {
      LOG.warn(
          "dead letter for {}-{}@{} ({} bytes) cut to fit the record limit of {} bytes",
          origin.topic(),
          origin.partition(),
          origin.offset(),
          record.value() == null ? 0 : record.value().length,
          maxRecordBytes);
    }
    context.forward(
        record.withKey(dl.key()).withValue(dl.value()).withHeaders(dl.headers()),
        PoseTopology.DEAD_LETTER_SINK);
    stages.observer().deadLetter(kind);
  }

  private static String describeKey(byte[] key) {
    if (key == null) {
      return "null";
    }
    String text = new String(key, StandardCharsets.UTF_8);
    return "'" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "'";
  }

  private String topic() {
    return context.recordMetadata().map(RecordMetadata::topic).orElse("");
  }

  @Override
  public void close() {
    if (sessions != null) {
      sessions.close();
    }
    if (locator != null) {
      locator.close();
    }
    if (decoder != null) {
      decoder.close();
    }
  }
}
