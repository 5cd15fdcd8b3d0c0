package io.asmnet.cli.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asmnet.cli.CliRun;
import io.asmnet.cli.TestMedia;
import io.asmnet.cli.TopicRecords;
import io.asmnet.cli.publish.EncodedFrame;
import io.asmnet.cli.publish.FramePublisher;
import io.asmnet.cli.publish.FrameSource;
import io.asmnet.cli.publish.FrameSources;
import io.asmnet.cli.publish.SourceOptions;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Point;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(KafkaBrokerExtension.class)
class ConsumeCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPrintOneJsonLinePerEventOfTheChosenCamera(KafkaCluster kafka) throws Exception {
    String topic = kafka.createTopic("pose-events", 1);
    List<Map.Entry<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(event("cam-a", i));
      records.add(event("cam-b", i));
    }
    send(kafka, topic, records);

    CliRun run =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic,
            "--from-beginning",
            "--camera",
            "cam-a",
            "--max",
            "5",
            "--timeout",
            "20");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(5);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.outLines()) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).extracting(n -> n.get("cameraId").asText()).containsOnly("cam-a");
    assertThat(lines)
        .extracting(n -> n.get("sequence").asLong())
        .containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(lines.get(0).at("/faces/0/landmarks").size()).isEqualTo(68);
  }

  @Test
  void shouldStopAfterTheIdleTimeoutWithEveryEvent(KafkaCluster kafka) throws Exception {
    String topic = kafka.createTopic("pose-events", 1);
    send(kafka, topic, List.of(event("cam-a", 0), event("cam-b", 0), event("cam-c", 0)));

    CliRun run =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic,
            "--from-beginning",
            "--timeout",
            "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.err()).contains("consumed 3 pose events");
  }

  @Test
  void shouldPrintOnlyNewEventsWithoutFromBeginning(KafkaCluster kafka) throws Exception {
    String topic = kafka.createTopic("pose-events", 1);
    send(kafka, topic, List.of(event("cam-a", 0), event("cam-a", 1)));

    CliRun run =
        CliRun.of("consume", "-b", kafka.bootstrapServers(), "-t", topic, "--timeout", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).isEmpty();
    assertThat(run.err()).contains("consumed 0 pose events");
  }

  @Test
  void shouldReportARecordOfAnUnknownSchema(KafkaCluster kafka) throws Exception {
    String topic = kafka.createTopic("pose-events", 1);
    send(
        kafka,
        topic,
        List.of(
            event("cam-a", 0),
            Map.entry("cam-a", "garbage, not avro".getBytes(StandardCharsets.UTF_8)),
            event("cam-a", 1)));

    CliRun failing =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic,
            "--from-beginning",
            "--timeout",
            "10");
    CliRun skipping =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic,
            "--from-beginning",
            "--timeout",
            "3",
            "--skip-bad-records");

    assertThat(failing.exitCode()).isEqualTo(1);
    assertThat(failing.err())
        .contains(
            topic + "-0@1",
            "is not a PoseEvent of a schema version this asmnet knows",
            "--skip-bad-records");
    assertThat(failing.outLines()).hasSize(1);
    assertThat(skipping.exitCode()).as(skipping.err()).isZero();
    assertThat(skipping.outLines()).hasSize(2);
    assertThat(skipping.err()).contains("skipped 1 records of an unknown schema");
  }

  @Test
  void shouldTailDeadLetters(KafkaCluster kafka) throws Exception {
    String topic = kafka.createTopic("frames-dlq", 1);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic("frames")
            .setPartition(0)
            .setOffset(42)
            .setKey(ByteBuffer.wrap("cam-9".getBytes(StandardCharsets.UTF_8)))
            .setTimestampMs(5)
            .setErrorKind(ErrorKind.CORRUPT_PAYLOAD)
            .setMessage("JPEG is truncated")
            .setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}))
            .build();
    send(kafka, topic, List.of(Map.entry("cam-9", WireSerdes.deadLetter().encode(letter))));

    CliRun run =
        CliRun.of(
            "consume",
            "--dead-letters",
            "--dead-letter-topic",
            topic,
            "-b",
            kafka.bootstrapServers(),
            "--from-beginning",
            "--max",
            "1",
            "--timeout",
            "20");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode line = JSON.readTree(run.outLines().get(0));
    assertThat(line.get("errorKind").asText()).isEqualTo("CORRUPT_PAYLOAD");
    assertThat(line.get("offset").asLong()).isEqualTo(42);
  }

  @Test
  void shouldPrintAvroJsonThatAvrosOwnDecoderReadsBack(KafkaCluster kafka) throws Exception {
    String topic = kafka.createTopic("frames-dlq", 1);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic("frames")
            .setPartition(1)
            .setOffset(7)
            .setKey(ByteBuffer.wrap("cam-9".getBytes(StandardCharsets.UTF_8)))
            .setTimestampMs(5)
            .setErrorKind(ErrorKind.BAD_SCHEMA)
            .setMessage("not a Frame")
            .setPayload(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, (byte) 0xFF, 0}))
            .build();
    send(kafka, topic, List.of(Map.entry("cam-9", WireSerdes.deadLetter().encode(letter))));

    CliRun run =
        CliRun.of(
            "consume",
            "--dead-letters",
            "--dead-letter-topic",
            topic,
            "-b",
            kafka.bootstrapServers(),
            "--from-beginning",
            "--max",
            "1",
            "--timeout",
            "20",
            "--format",
            "avro-json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String line = run.outLines().get(0);
    org.apache.avro.Schema schema =
        new org.apache.avro.Schema.Parser().parse(DeadLetter.getClassSchema().toString());
    org.apache.avro.generic.GenericRecord read =
        new org.apache.avro.generic.GenericDatumReader<org.apache.avro.generic.GenericRecord>(
                schema)
            .read(null, org.apache.avro.io.DecoderFactory.get().jsonDecoder(schema, line));
    assertThat(read.get("offset")).isEqualTo(7L);
    assertThat(read.get("errorKind").toString()).isEqualTo("BAD_SCHEMA");
    assertThat(read.get("payload"))
        .isEqualTo(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, (byte) 0xFF, 0}));
    assertThat(line).contains("\"key\":{\"bytes\":\"cam-9\"}");
  }

  @Test
  void shouldRefuseAnUnknownFormat() {
    CliRun run = CliRun.of("consume", "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected json or avro-json");
  }

  @Test
  void shouldRenderEventsOntoTheirFrames(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    String frames = kafka.createTopic("frames", 1);
    String events = kafka.createTopic("pose-events", 1);
    publishFrames(kafka, frames, TestMedia.jpegFolder(dir.resolve("in"), 4, 320, 240), "cam-1");
    send(kafka, events, List.of(event("cam-1", 1), event("cam-1", 2)));
    Path out = dir.resolve("rendered");

    CliRun run =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            events,
            "--frames-topic",
            frames,
            "--from-beginning",
            "--render",
            out.toString(),
            "--max",
            "2",
            "--timeout",
            "20");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("rendered 2 frames");
    List<Path> pngs;
    try (Stream<Path> files = Files.list(out)) {
      pngs = files.sorted().toList();
    }
    assertThat(pngs)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("cam-1-00000001.png", "cam-1-00000002.png");
    // Landmark 17 lies below the nose tip, where no axis of the gizmo crosses it.
    Point landmark =
        TestMedia.event("cam-1", 1, 100, 60, 120, 20, 0, 0)
            .getFaces()
            .get(0)
            .getLandmarks()
            .get(17);
    try (Mat image = imread(pngs.get(0).toString());
        UByteIndexer px = image.createIndexer()) {
      int x = Math.round(landmark.getX());
      int y = Math.round(landmark.getY());
      assertThat(new int[] {px.get(y, x, 0), px.get(y, x, 1), px.get(y, x, 2)})
          .as("a yellow landmark dot")
          .satisfies(
              bgr -> assertThat(bgr[0]).isLessThan(80),
              bgr -> assertThat(bgr[1]).isGreaterThan(180),
              bgr -> assertThat(bgr[2]).isGreaterThan(180));
    }
  }

  @Test
  void shouldRenderH264FramesIntoAnMp4(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    String frames = kafka.createTopic("frames", 1);
    String events = kafka.createTopic("pose-events", 1);
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 320, 240, 10, 5);
    CliRun published =
        CliRun.of(
            "publish",
            clip.toString(),
            "--codec",
            "h264",
            "--camera-id",
            "cam-1",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            frames);
    assertThat(published.exitCode()).as(published.err()).isZero();
    List<Map.Entry<String, byte[]>> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(event("cam-1", i));
    }
    send(kafka, events, all);
    Path out = dir.resolve("out.mp4");

    CliRun run =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            events,
            "--frames-topic",
            frames,
            "--from-beginning",
            "--render",
            out.toString(),
            "--max",
            "10",
            "--timeout",
            "20");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("rendered 10 frames", "0 not decodable");
    int pictures = 0;
    try (FFmpegFrameGrabber video = new FFmpegFrameGrabber(out.toFile())) {
      video.start();
      assertThat(video.getImageWidth()).isEqualTo(320);
      while (video.grabImage() != null) {
        pictures++;
      }
    }
    assertThat(pictures).isEqualTo(10);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void shouldFailClearlyWhenTheBrokerIsUnreachable() {
    CliRun run = CliRun.of("consume", "-b", "127.0.0.1:1", "--kafka-timeout", "3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot reach the Kafka broker at 127.0.0.1:1 within 3 s");
  }

  private static Map.Entry<String, byte[]> event(String camera, long sequence) {
    PoseEvent event = TestMedia.event(camera, sequence, 100, 60, 120, 20, 0, 0);
    return Map.entry(camera, WireSerdes.poseEvent().encode(event));
  }

  private static void send(
      KafkaCluster kafka, String topic, List<Map.Entry<String, byte[]>> records) {
    TopicRecords.send(kafka.bootstrapServers(), topic, records);
  }

  private static void publishFrames(KafkaCluster kafka, String topic, Path folder, String camera)
      throws Exception {
    Map<String, Object> config = new HashMap<>(FramePublisher.producerDefaults());
    config.put("bootstrap.servers", kafka.bootstrapServers());
    try (FrameSource source = FrameSources.open(folder.toString(), SourceOptions.defaults());
        FramePublisher publisher = FramePublisher.create(config, topic, null)) {
      for (Optional<EncodedFrame> f = source.next(); f.isPresent(); f = source.next()) {
        publisher.publish(camera, f.get());
      }
      publisher.flush();
    }
  }
}
