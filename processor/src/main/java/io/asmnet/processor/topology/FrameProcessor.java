package io.asmnet.processor.topology;

import io.asmnet.processor.decode.DecodeException;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.emit.DeadLetterFactory;
import io.asmnet.processor.emit.FrameTimings;
import io.asmnet.processor.emit.PoseEventAssembler;
import io.asmnet.processor.emit.RecordOrigin;
import io.asmnet.processor.infer.BatcherClosedException;
import io.asmnet.processor.infer.FaceLandmarks;
import io.asmnet.processor.infer.LandmarkResults;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.processor.track.LocatedFaces;
import io.asmnet.processor.track.TrackState;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per stream task: turns each raw frame record into exactly one pose event or one dead letter,
 * forwarded before {@code process} returns. Owns its task's decoder and face locator: created in
 * {@code init}, closed in {@code close} (called when the task is revoked or migrated).
 */
final class FrameProcessor implements Processor<byte[], byte[], Object, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(FrameProcessor.class);

  private final Stages stages;
  private final Deserializer<Frame> frameReader;
  private final DeadLetterFactory deadLetters;
  private final PoseEventAssembler assembler;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, TrackState> tracks;
  private FrameDecoder decoder;
  private FaceLocator locator;

  FrameProcessor(Stages stages, Topics topics) {
    this.stages = stages;
    this.frameReader = topics.frames().valueSerde().deserializer();
    this.deadLetters = new DeadLetterFactory(stages.clock());
    this.assembler = new PoseEventAssembler(stages.estimator().modelName(), stages.estimator().modelVersion(), stages.clock());
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.tracks = context.getStateStore(PoseTopology.TRACK_STORE);
    this.decoder = stages.decoders().get();
    this.locator = stages.locators().get();
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    long start = System.nanoTime();
    Frame frame;
    try {
      frame = record.value() == null ? null : frameReader.deserialize(topic(), record.value());
    } catch (RuntimeException e) {
      deadLetter(record, ErrorKind.BAD_SCHEMA, e.getMessage());
      return;
    }
    if (frame == null) {
      deadLetter(record, ErrorKind.BAD_SCHEMA, "record has no value (tombstone); expected a Frame");
      return;
    }
    try {
      PoseEvent event = poseEvent(frame, start);
      context.forward(record.withKey((Object) frame.getCameraId()).withValue(event), PoseTopology.EVENTS_SINK);
      stages.observer().frameProcessed(event);
    } catch (DecodeException e) {
      deadLetter(record, e.kind(), e.getMessage());
    } catch (InterruptedException e) {
      // Shutdown: leave the offset uncommitted so the frame is processed again after restart.
      Thread.currentThread().interrupt();
      throw new StreamsException("interrupted while waiting for landmarks", e);
    } catch (BatcherClosedException e) {
      // The estimator is shutting down: not this frame's fault, so no dead letter; retry later.
      throw new StreamsException("landmark estimator closed while processing a frame", e);
    } catch (RuntimeException e) {
      LOG.warn("frame {}/{} failed inside the processor", frame.getCameraId(), frame.getSequence(), e);
      deadLetter(record, ErrorKind.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private PoseEvent poseEvent(Frame frame, long start) throws DecodeException, InterruptedException {
    long t0 = System.nanoTime();
    try (DecodedFrame decoded = decoder.decode(frame)) {
      long decodeMicros = (System.nanoTime() - t0) / 1000;
      String camera = frame.getCameraId();
      TrackState previous = tracks.get(camera);
      LocatedFaces located = locator.locate(decoded.bgr(), previous, frame.getSequence());
      LandmarkResults results = stages.estimator().estimate(decoded.bgr(), located.boxes());
      List<float[]> landmarks = results.faces().stream().map(FaceLandmarks::landmarks).toList();
      TrackState next = locator.update(previous, located, landmarks, frame.getSequence());
      if (next == null) {
        tracks.delete(camera);
      } else {
        tracks.put(camera, next);
      }
      FrameTimings timings = new FrameTimings(decodeMicros, (System.nanoTime() - start) / 1000);
      return assembler.assemble(frame, decoded.width(), decoded.height(), located, results, timings);
    }
  }

  private void deadLetter(Record<byte[], byte[]> record, ErrorKind kind, String message) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    RecordOrigin origin = new RecordOrigin(
        meta == null ? topic() : meta.topic(),
        meta == null ? -1 : meta.partition(),
        meta == null ? -1 : meta.offset(),
        record.key(),
        record.timestamp());
    context.forward(record.withValue((Object) deadLetters.create(origin, kind, message, record.value()))
        .withKey(record.key()), PoseTopology.DEAD_LETTER_SINK);
    stages.observer().deadLetter(kind);
  }

  private String topic() {
    return context.recordMetadata().map(RecordMetadata::topic).orElse("");
  }

  @Override
  public void close() {
    if (locator != null) {
      locator.close();
    }
    if (decoder != null) {
      decoder.close();
    }
  }
}
