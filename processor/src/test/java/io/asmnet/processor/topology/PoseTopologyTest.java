package io.asmnet.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.ClipUnit;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.emit.DeadLetterHeaders;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.LandmarkEstimator;
import io.asmnet.processor.infer.LandmarkModel;
import io.asmnet.processor.infer.ProbeOnnxModel;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.processor.track.TrackState;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production topology with the real model, decoder and tracker; only the face detector is a
 * stand-in (no detector finds a face in a synthetic frame).
 */
class PoseTopologyTest {
  private static BatchedLandmarkEstimator estimator;
  private final Topics topics =
      Topics.of(new ProcessorConfig.TopicNames("frames", "pose-events", "frames-dlq"));
  private final List<CompositeFrameDecoder> decoders = new ArrayList<>();
  private final List<FixedFaceDetector> detectors = new ArrayList<>();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> frames;
  private TestOutputTopic<String, PoseEvent> events;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  @TempDir static Path modelDir;

  /**
   * The real exported model when there is one; else the probe graph (same interface, known
   * answers), so the topology is still tested on a checkout without a model.
   */
  @BeforeAll
  static void openModel() throws java.io.IOException {
    Path file =
        TestModels.find().orElse(ProbeOnnxModel.write(modelDir.resolve("probe.onnx"), "image"));
    LandmarkModel model = LandmarkModel.open(file, InferenceDevice.CPU);
    estimator = new BatchedLandmarkEstimator(model, 16, 1, 2000, PipelineObserver.NONE);
  }

  @AfterAll
  static void closeModel() {
    if (estimator != null) {
      estimator.close();
    }
  }

  private void start(List<FaceBox> boxes, RuntimeException locatorFailure) {
    start(boxes, locatorFailure, estimator);
  }

  private void start(
      List<FaceBox> boxes, RuntimeException locatorFailure, LandmarkEstimator landmarks) {
    Stages stages =
        new Stages(
            () -> add(decoders, new CompositeFrameDecoder(DecodeLimits.defaults())),
            () -> add(detectors, new FixedFaceDetector(boxes, locatorFailure)).locator(),
            landmarks,
            PipelineObserver.NONE,
            Clock.systemUTC());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pose-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(PoseTopology.build(stages, topics, MAX_RECORD_BYTES, IDLE), props);
    frames =
        driver.createInputTopic(
            "frames", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    events =
        driver.createOutputTopic(
            "pose-events",
            Serdes.String().deserializer(),
            topics.poseEvents().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            "frames-dlq",
            Serdes.ByteArray().deserializer(),
            topics.deadLetters().valueSerde().deserializer());
  }

  private static <T> T add(List<T> list, T item) {
    list.add(item);
    return item;
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
  }

  private static byte[] jpeg(int shade) {
    return TestFrames.jpeg(shade);
  }

  private byte[] frame(String camera, long sequence, Codec codec, byte[] payload) {
    Frame f = TestFrames.frame(camera, sequence, codec, payload);
    return topics.frames().valueSerde().serializer().serialize("frames", f);
  }

  private static final FaceBox FACE = new FaceBox(100, 60, 100, 120, 0.9f);
  private static final Duration IDLE = Duration.ofSeconds(30);
  private static final int MAX_RECORD_BYTES =
      RecordLimits.maxRecordBytes(DecodeLimits.DEFAULT_MAX_PAYLOAD_BYTES);

  @Test
  void shouldEmitOneEventPerFrameInOrderWithTheRecordTimestamp() {
    start(List.of(FACE), null);

    for (int seq = 0; seq < 3; seq++) {
      frames.pipeInput(
          "cam-1".getBytes(),
          frame("cam-1", seq, Codec.JPEG, jpeg(40 + seq * 30)),
          Instant.ofEpochMilli(5_000 + seq));
    }

    var out = events.readRecordsToList();
    assertThat(out).hasSize(3);
    assertThat(deadLetters.isEmpty()).isTrue();
    for (int seq = 0; seq < 3; seq++) {
      PoseEvent e = out.get(seq).value();
      assertThat(out.get(seq).key()).isEqualTo("cam-1");
      assertThat(out.get(seq).timestamp()).isEqualTo(5_000 + seq);
      assertThat(e.getSequence()).isEqualTo(seq);
      assertThat(e.getFrameWidth()).isEqualTo(320);
      assertThat(e.getFrameHeight()).isEqualTo(240);
      assertThat(e.getModelName()).isEqualTo(estimator.modelName());
      assertThat(e.getFaces()).hasSize(1);
      assertThat(e.getFaces().get(0).getLandmarks()).hasSize(68);
      assertThat(e.getTimings().getTotalMicros())
          .isGreaterThanOrEqualTo(e.getTimings().getInferMicros());
    }
  }

  @Test
  void shouldDeadLetterGarbageAsBadSchemaWithTheOriginalBytes() {
    start(List.of(FACE), null);
    byte[] garbage = {0x01, 0x02, (byte) 0xFF, 0x7F};

    frames.pipeInput("cam-x".getBytes(), garbage, Instant.ofEpochMilli(77));
    frames.pipeInput("cam-1".getBytes(), frame("cam-1", 0, Codec.JPEG, jpeg(50)));

    var dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(1);
    DeadLetter d = dead.get(0).value();
    assertThat(d.getErrorKind()).isEqualTo(ErrorKind.BAD_SCHEMA);
    assertThat(d.getPayload()).isEqualTo(ByteBuffer.wrap(garbage));
    assertThat(d.getKey()).isEqualTo(ByteBuffer.wrap("cam-x".getBytes()));
    assertThat(d.getSourceTopic()).isEqualTo("frames");
    assertThat(d.getOffset()).isEqualTo(0);
    assertThat(d.getTimestampMs()).isEqualTo(77);
    assertThat(dead.get(0).key()).isEqualTo("cam-x".getBytes());
    var headers = dead.get(0).headers();
    assertThat(new String(headers.lastHeader(DeadLetterHeaders.ERROR_KIND).value()))
        .isEqualTo("BAD_SCHEMA");
    assertThat(new String(headers.lastHeader(DeadLetterHeaders.TOPIC).value())).isEqualTo("frames");
    assertThat(new String(headers.lastHeader(DeadLetterHeaders.OFFSET).value())).isEqualTo("0");
    assertThat(new String(headers.lastHeader(DeadLetterHeaders.ERROR_MESSAGE).value()))
        .isNotBlank();
    assertThat(events.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDeadLetterDecoderFailuresWithTheirKindAndGoOn() {
    start(List.of(FACE), null);

    frames.pipeInput("cam-1".getBytes(), frame("cam-1", 0, Codec.JPEG, new byte[] {1, 2, 3}));
    Frame midGop = TestFrames.frame("cam-1", 1, Codec.H264, new byte[] {0, 0, 0, 1, 0x41});
    midGop.setWidth(320);
    midGop.setHeight(240);
    midGop.setKeyframe(false);
    frames.pipeInput(
        "cam-1".getBytes(), topics.frames().valueSerde().serializer().serialize("frames", midGop));
    frames.pipeInput("cam-1".getBytes(), frame("cam-1", 2, Codec.JPEG, jpeg(90)));

    var dead = deadLetters.readValuesToList();
    // What the production decoder says: an undecodable still, and an H.264 stream not starting at a
    // keyframe.
    assertThat(dead)
        .extracting(DeadLetter::getErrorKind)
        .containsExactly(ErrorKind.CORRUPT_PAYLOAD, ErrorKind.DECODE_FAILED);
    assertThat(dead.get(1).getMessage()).contains("waiting for a keyframe");
    assertThat(dead.get(1).getOffset()).isEqualTo(1);
    assertThat(events.readValuesToList()).extracting(PoseEvent::getSequence).containsExactly(2L);
  }

  @Test
  void shouldEmitAnEventWithNoFacesWhenNoneAreFound() {
    start(List.of(), null);

    frames.pipeInput("cam-2".getBytes(), frame("cam-2", 4, Codec.JPEG, jpeg(30)));

    PoseEvent e = events.readValue();
    assertThat(e.getSequence()).isEqualTo(4);
    assertThat(e.getFaces()).isEmpty();
    assertThat(e.getTimings().getInferMicros()).isZero();
  }

  @Test
  void shouldKeepEachCamerasTrackInTheStore() {
    start(List.of(FACE), null);

    frames.pipeInput("cam-1".getBytes(), frame("cam-1", 8, Codec.JPEG, jpeg(60)));
    frames.pipeInput("cam-3".getBytes(), frame("cam-3", 2, Codec.JPEG, jpeg(60)));

    KeyValueStore<String, TrackState> store = driver.getKeyValueStore(PoseTopology.TRACK_STORE);
    PoseEvent first = events.readValue();
    TrackState track = store.get("cam-1");
    assertThat(track.lastSequence()).isEqualTo(8);
    assertThat(track.faces()).hasSize(1);
    assertThat(track.faces().get(0).landmarks()[0])
        .isEqualTo(first.getFaces().get(0).getLandmarks().get(0).getX());
    assertThat(store.get("cam-3").lastSequence()).isEqualTo(2);
  }

  @Test
  void shouldDeadLetterAFailureInsideProcessingAsInternal() {
    start(List.of(FACE), new IllegalStateException("tracker lost its mind"));

    frames.pipeInput("cam-1".getBytes(), frame("cam-1", 0, Codec.JPEG, jpeg(60)));
    frames.pipeInput("cam-1".getBytes(), frame("cam-1", 1, Codec.JPEG, jpeg(60)));

    var dead = deadLetters.readValuesToList();
    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).getErrorKind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(dead.get(0).getMessage()).contains("tracker lost its mind");
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void shouldCloseTheTasksDecoderAndLocatorWithTheTask() {
    start(List.of(FACE), null);
    assertThat(decoders).hasSize(1);
    assertThat(detectors).hasSize(1);

    driver.close();
    driver = null;

    assertThatThrownBy(
            () -> decoders.get(0).decode(TestFrames.frame("cam-1", 0, Codec.JPEG, jpeg(60))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(detectors.get(0).closed).isTrue();
  }

  @Test
  void shouldDeadLetterAFrameWhoseKeyIsNotItsCameraId() {
    start(List.of(FACE), null);

    frames.pipeInput("cam-2".getBytes(), frame("cam-1", 0, Codec.JPEG, jpeg(60)));
    frames.pipeInput(null, frame("cam-1", 1, Codec.JPEG, jpeg(60)));
    frames.pipeInput("cam-1".getBytes(), frame("cam-1", 2, Codec.JPEG, jpeg(60)));

    var dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).value().getErrorKind()).isEqualTo(ErrorKind.BAD_SCHEMA);
    assertThat(dead.get(0).value().getMessage()).contains("record key 'cam-2'", "cameraId 'cam-1'");
    assertThat(dead.get(0).key()).isEqualTo("cam-2".getBytes());
    assertThat(dead.get(1).value().getMessage()).contains("record key null");
    assertThat(events.readValuesToList()).extracting(PoseEvent::getSequence).containsExactly(2L);
    KeyValueStore<String, TrackState> store = driver.getKeyValueStore(PoseTopology.TRACK_STORE);
    assertThat(store.get("cam-1").lastSequence())
        .isEqualTo(2); // the mismatched frames left no state
  }

  @Test
  void shouldEvictTheDecoderAndTrackOfACameraIdleForTheIdleTimeOnTheWallClock() throws Exception {
    List<ClipUnit> units =
        SyntheticClips.units(
            SyntheticClips.movingPattern(modelDir.resolve("gop.h264"), "h264", 64, 48, 3, 2));
    assertThat(units.get(1).keyframe()).isFalse();
    start(List.of(FACE), null);
    frames.pipeInput("cam-1".getBytes(), h264(units.get(0), 0));
    frames.pipeInput(
        "cam-1".getBytes(), h264(units.get(1), 1)); // a P-frame: decodes on cam-1's state
    driver.advanceWallClockTime(IDLE.minusSeconds(10));
    frames.pipeInput("cam-2".getBytes(), frame("cam-2", 0, Codec.JPEG, jpeg(60)));
    KeyValueStore<String, TrackState> store = driver.getKeyValueStore(PoseTopology.TRACK_STORE);
    assertThat(events.readValuesToList()).hasSize(3);
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(store.get("cam-1")).isNotNull();

    driver.advanceWallClockTime(Duration.ofSeconds(15));

    assertThat(store.get("cam-1")).as("idle for 35 s").isNull();
    assertThat(store.get("cam-2")).as("idle for 15 s").isNotNull();
    // cam-1's H.264 state went with its track: its next P-frame must wait for a keyframe.
    frames.pipeInput("cam-1".getBytes(), h264(units.get(1), 2));
    assertThat(deadLetters.readValue().getMessage()).contains("waiting for a keyframe");
  }

  private byte[] h264(ClipUnit unit, long sequence) {
    Frame f = TestFrames.frame("cam-1", sequence, Codec.H264, unit.data());
    f.setWidth(unit.width());
    f.setHeight(unit.height());
    f.setKeyframe(unit.keyframe());
    return topics.frames().valueSerde().serializer().serialize("frames", f);
  }

  @Test
  void shouldNotDeadLetterAFrameWhenTheModelFails() throws Exception {
    Path file =
        TestModels.find().orElse(ProbeOnnxModel.write(modelDir.resolve("probe2.onnx"), "image"));
    LandmarkModel model = LandmarkModel.open(file, InferenceDevice.CPU);
    // The estimator owns and closes the model.
    try (BatchedLandmarkEstimator failing =
        new BatchedLandmarkEstimator(
            model,
            (crops, n) -> {
              throw new IllegalStateException("simulated device fault");
            },
            16,
            1,
            2000,
            1000,
            0,
            PipelineObserver.NONE)) {
      start(List.of(FACE), null, failing);

      assertThatThrownBy(
              () -> frames.pipeInput("cam-1".getBytes(), frame("cam-1", 0, Codec.JPEG, jpeg(60))))
          .isInstanceOf(StreamsException.class)
          .hasStackTraceContaining("landmark inference unavailable for frame cam-1/0")
          .hasStackTraceContaining("simulated device fault");
      assertThat(deadLetters.isEmpty()).isTrue();
      assertThat(events.isEmpty()).isTrue();
      assertThat(failing.health().healthy()).isFalse();
      driver.close();
      driver = null;
    }
  }
}
