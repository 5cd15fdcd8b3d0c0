package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.ClipUnit;
import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.processor.detect.DlibExamples;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.processor.topology.TestFrames;
import io.asmnet.processor.track.TrackHealth;
import io.asmnet.processor.track.TrackerConfig;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole processor as {@code processor run} builds it ({@link ProductionStages}, {@link
 * ProcessorApp}), on the run's real broker with the real landmark model: real photos, a real H.264
 * clip, broken records, and a restart in the middle of a stream.
 */
@Tag("integration")
@Timeout(180)
@ExtendWith(KafkaBrokerExtension.class)
class ProcessorEndToEndIT {
  private static final int CLIP_FRAMES = 24;

  private static AppKafka kafka;
  private static Path model;
  private static List<DlibExamples.Photo> photos;
  private static List<ClipUnit> clip;
  @TempDir Path stateDir;

  @BeforeAll
  static void setUp(KafkaCluster cluster, @TempDir Path clipDir) throws Exception {
    kafka = new AppKafka(cluster);
    model = TestModels.require();
    photos = new ArrayList<>(DlibExamples.photos("faces/training_with_face_landmarks.xml"));
    photos.addAll(DlibExamples.photos("faces/testing_with_face_landmarks.xml"));
    clip =
        SyntheticClips.units(
            DlibExamples.panningClip(photos, clipDir.resolve("pan.h264"), CLIP_FRAMES));
  }

  private ProcessorConfig config(String suffix) {
    return kafka.config(suffix, true, stateDir, model, Map.of());
  }

  @Test
  void shouldEmitOneEventPerPhotoInOrderPerCameraWithTheLabelledFacesFound() throws Exception {
    ProcessorConfig config = config("photos");
    int rounds = 3;
    try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
        KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      // Each photo is its own camera, shown three times: detection, then tracking on the same
      // picture.
      for (int seq = 0; seq < rounds; seq++) {
        for (int p = 0; p < photos.size(); p++) {
          send(
              producer,
              config.topics().frames(),
              TestFrames.frame(
                  "photo-" + p, seq, Codec.JPEG, Files.readAllBytes(photos.get(p).file())));
        }
      }
      List<PoseEvent> events =
          events(kafka.consume(config.topics().poseEvents(), rounds * photos.size()));

      Map<String, List<PoseEvent>> byCamera =
          events.stream()
              .collect(
                  Collectors.groupingBy(
                      e -> e.getCameraId().toString(), TreeMap::new, Collectors.toList()));
      assertThat(byCamera).hasSize(photos.size());
      for (int p = 0; p < photos.size(); p++) {
        List<PoseEvent> camera = byCamera.get("photo-" + p);
        assertThat(camera).extracting(PoseEvent::getSequence).containsExactly(0L, 1L, 2L);
        if (!photos.get(p).faces().isEmpty()) {
          assertThat(camera.get(0).getFaces())
              .as("faces on %s", photos.get(p).file().getFileName())
              .isNotEmpty();
        }
        for (PoseEvent e : camera) {
          assertThat(e.getFaces())
              .allSatisfy(
                  f ->
                      assertThat(f.getLandmarks())
                          .hasSize(68)
                          .allSatisfy(
                              pt ->
                                  assertThat(Float.isFinite(pt.getX()) && Float.isFinite(pt.getY()))
                                      .isTrue()));
        }
      }
    }
  }

  @Test
  void shouldEmitOneEventPerAccessUnitWithTrackedFacesBetweenDetections() throws Exception {
    ProcessorConfig config = config("clip");
    try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
        KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int i = 0; i < clip.size(); i++) {
        send(producer, config.topics().frames(), h264("pan", i, clip.get(i)));
      }
      List<PoseEvent> events = events(kafka.consume(config.topics().poseEvents(), clip.size()));

      assertThat(clip).hasSize(CLIP_FRAMES);
      assertThat(events)
          .extracting(PoseEvent::getSequence)
          .containsExactlyElementsOf(
              java.util.stream.LongStream.range(0, CLIP_FRAMES).boxed().toList());
      assertThat(events).allSatisfy(e -> assertThat(e.getFrameWidth()).isEqualTo(640));
      // frame 0 always runs the detector, and the clip's face is found
      assertThat(events.get(0).getFaces())
          .isNotEmpty()
          .extracting(Face::getSource)
          .containsOnly(FaceSource.DETECTED);
      // The tracker follows a face only while its landmarks are plausible; an untrained model's
      // are not, and then re-detecting on every frame is the right behaviour.
      Optional<String> implausible =
          TrackHealth.problem(
              landmarks(events.get(0).getFaces().get(0)), 640, 480, TrackerConfig.defaults());
      assumeTrue(
          implausible.isEmpty(),
          "tracking not checked: this model's landmarks are implausible ("
              + implausible.orElse("")
              + "); an untrained model?");
      List<FaceSource> sources =
          events.stream().flatMap(e -> e.getFaces().stream()).map(Face::getSource).toList();
      assertThat(sources).contains(FaceSource.TRACKED);
    }
  }

  @Test
  void shouldAnswerEveryRecordWithExactlyOneEventOrTheRightDeadLetter() throws Exception {
    ProcessorConfig config = config("broken");
    byte[] jpeg = Files.readAllBytes(photos.get(0).file());
    ClipUnit key = clip.get(0);
    ClipUnit delta = clip.get(5);
    byte[] randomBytes = new byte[300];
    new Random(3).nextBytes(randomBytes);
    byte[] unknownSchema = new byte[64];
    new Random(4).nextBytes(unknownSchema);
    unknownSchema[0] = (byte) 0xC3; // single-object marker, then a fingerprint no schema has
    unknownSchema[1] = 0x01;
    byte[] serialized =
        WireSerdes.frame()
            .serializer()
            .serialize("f", TestFrames.frame("good", 0, Codec.JPEG, jpeg));

    // offset -> what it must produce: null for an event, else the dead letter's kind
    List<byte[]> values =
        List.of(
            serialized,
            randomBytes,
            frameBytes(
                TestFrames.frame("cut", 0, Codec.JPEG, Arrays.copyOf(jpeg, jpeg.length / 2))),
            frameBytes(withSize(h264("huge", 0, key), 20_000, 20_000)),
            frameBytes(h264("mid-gop", 0, delta)),
            unknownSchema,
            frameBytes(TestFrames.frame("good", 1, Codec.JPEG, jpeg)),
            frameBytes(TestFrames.frame("good", 2, Codec.JPEG, jpeg)));
    // Frames are keyed by their camera id; the last one is not (its key would put it on another
    // task).
    List<String> keys =
        List.of("good", "garbage", "cut", "huge", "mid-gop", "garbage", "good", "elsewhere");
    List<ErrorKind> expected =
        Arrays.asList(
            null,
            ErrorKind.BAD_SCHEMA,
            ErrorKind.CORRUPT_PAYLOAD,
            ErrorKind.OVERSIZED,
            ErrorKind.DECODE_FAILED,
            ErrorKind.BAD_SCHEMA,
            null,
            ErrorKind.BAD_SCHEMA);
    try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
        KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      Map<Long, ErrorKind> sent = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        RecordMetadata meta =
            producer
                .send(
                    new ProducerRecord<>(
                        config.topics().frames(),
                        0,
                        keys.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        values.get(i)))
                .get();
        sent.put(meta.offset(), expected.get(i));
      }
      long goodCount = expected.stream().filter(k -> k == null).count();
      List<PoseEvent> events =
          events(
              kafka.consume(config.topics().poseEvents(), (int) goodCount, Duration.ofSeconds(1)));
      List<DeadLetter> dead =
          kafka
              .consume(
                  config.topics().deadLetters(),
                  values.size() - (int) goodCount,
                  Duration.ofSeconds(1))
              .stream()
              .map(r -> WireSerdes.deadLetter().deserializer().deserialize("d", r.value()))
              .toList();

      assertThat(events).extracting(PoseEvent::getSequence).containsExactly(0L, 1L);
      Map<Long, ErrorKind> deadByOffset =
          dead.stream().collect(Collectors.toMap(DeadLetter::getOffset, DeadLetter::getErrorKind));
      Map<Long, ErrorKind> expectedDead = new HashMap<>(sent);
      expectedDead.values().removeIf(k -> k == null);
      assertThat(deadByOffset).isEqualTo(expectedDead);
      assertThat(dead).hasSize(expectedDead.size());
      assertThat(dead).allSatisfy(d -> assertThat(d.getMessage().toString()).isNotBlank());
    }
  }

  @Test
  void shouldProduceEverySequenceExactlyOnceAcrossARestart() throws Exception {
    ProcessorConfig config = config("restart");
    int first = 40;
    int total = 60;
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start()) {
        for (int seq = 0; seq < first; seq++) {
          send(
              producer,
              config.topics().frames(),
              TestFrames.frame("cam", seq, Codec.JPEG, TestFrames.jpeg(40 + seq)));
        }
        kafka.consume(config.topics().poseEvents(), 5); // stop as soon as some are committed
      }
      for (int seq = first; seq < total; seq++) {
        send(
            producer,
            config.topics().frames(),
            TestFrames.frame("cam", seq, Codec.JPEG, TestFrames.jpeg(40 + seq)));
      }
      try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start()) {
        List<PoseEvent> events =
            events(kafka.consume(config.topics().poseEvents(), total, Duration.ofSeconds(2)));

        assertThat(events)
            .extracting(PoseEvent::getSequence)
            .containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, total).boxed().toList());
      }
    }
  }

  private static float[] landmarks(Face face) {
    float[] out = new float[2 * face.getLandmarks().size()];
    for (int i = 0; i < face.getLandmarks().size(); i++) {
      out[2 * i] = face.getLandmarks().get(i).getX();
      out[2 * i + 1] = face.getLandmarks().get(i).getY();
    }
    return out;
  }

  private static Frame h264(String camera, long seq, ClipUnit au) {
    Frame f = TestFrames.frame(camera, seq, Codec.H264, au.data());
    f.setWidth(au.width());
    f.setHeight(au.height());
    f.setKeyframe(au.keyframe());
    return f;
  }

  private static Frame withSize(Frame f, int width, int height) {
    f.setWidth(width);
    f.setHeight(height);
    return f;
  }

  private static byte[] frameBytes(Frame f) {
    return WireSerdes.frame().serializer().serialize("f", f);
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, Frame f)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic, f.getCameraId().toString().getBytes(), frameBytes(f)))
        .get();
  }

  private static List<PoseEvent> events(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(r -> WireSerdes.poseEvent().deserializer().deserialize("e", r.value()))
        .toList();
  }
}
