package io.asmnet.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.TestMedia;
import io.asmnet.cli.TopicRecords;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(KafkaBrokerExtension.class)
class PublishCommandIT {

  @Test
  void shouldPublishAFolderOfJpegsWithIncreasingSequences(KafkaCluster kafka, @TempDir Path dir)
      throws Exception {
    String topic = kafka.createTopic("frames", 1);
    TestMedia.jpegFolder(dir, 6, 120, 90);

    CliRun run =
        CliRun.of(
            "publish",
            dir.toString(),
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic,
            "--camera-id",
            "lobby",
            "--clip-id",
            "c1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("published 6 frames");
    List<Frame> frames =
        values(
            TopicRecords.read(
                kafka.bootstrapServers(), topic, 6, WireSerdes.frame().deserializer()));
    assertThat(frames)
        .hasSize(6)
        .allSatisfy(
            f -> {
              assertThat(f.getCameraId()).isEqualTo("lobby");
              assertThat(f.getCodec()).isEqualTo(Codec.JPEG);
              assertThat(f.getWidth()).isEqualTo(120);
              assertThat(f.getHeight()).isEqualTo(90);
              assertThat(f.getKeyframe()).isTrue();
              assertThat(f.getClipId()).isEqualTo("c1");
            });
    assertThat(frames).extracting(Frame::getSequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults());
        DecodedFrame decoded = decoder.decode(frames.get(3))) {
      assertThat(decoded.width()).isEqualTo(120);
      assertThat(decoded.height()).isEqualTo(90);
    }
  }

  @Test
  void shouldPassAnH264ClipThroughAsDecodableAccessUnits(KafkaCluster kafka, @TempDir Path dir)
      throws Exception {
    String topic = kafka.createTopic("frames", 1);
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 20, 10);
    List<AccessUnit> units = H264AccessUnits.readAll(clip);

    CliRun run =
        CliRun.of(
            "publish",
            clip.toString(),
            "--codec",
            "h264",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic);

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Frame> frames =
        values(
            TopicRecords.read(
                kafka.bootstrapServers(), topic, units.size(), WireSerdes.frame().deserializer()));
    assertThat(frames).hasSize(units.size());
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      for (int i = 0; i < frames.size(); i++) {
        Frame f = frames.get(i);
        assertThat(f.getSequence()).isEqualTo(i);
        assertThat(f.getCodec()).isEqualTo(Codec.H264);
        assertThat(f.getKeyframe()).isEqualTo(units.get(i).keyframe());
        assertThat(bytes(f.getPayload())).isEqualTo(units.get(i).data());
        try (DecodedFrame decoded = decoder.decode(f)) {
          assertThat(decoded.width()).isEqualTo(160);
        }
      }
    }
    assertThat(frames)
        .filteredOn(Frame::getKeyframe)
        .extracting(Frame::getSequence)
        .contains(0L, 10L);
  }

  @Test
  void shouldFanOneSourceOutAsThreeCameras(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    String topic = kafka.createTopic("frames", 1);
    TestMedia.jpegFolder(dir, 4, 64, 48);

    CliRun run =
        CliRun.of(
            "publish",
            dir.toString(),
            "--cameras",
            "3",
            "--loop",
            "2",
            "--max-frames",
            "6",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic);

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Frame> frames =
        values(
            TopicRecords.read(
                kafka.bootstrapServers(), topic, 18, WireSerdes.frame().deserializer()));
    Map<String, List<Long>> sequences =
        frames.stream()
            .collect(
                Collectors.groupingBy(
                    Frame::getCameraId,
                    Collectors.mapping(Frame::getSequence, Collectors.toList())));
    assertThat(sequences).containsOnlyKeys("cam-1", "cam-2", "cam-3");
    assertThat(sequences.values())
        .allSatisfy(s -> assertThat(s).containsExactly(0L, 1L, 2L, 3L, 4L, 5L));
  }

  @Test
  void shouldDecodeAVideoAndPaceIt(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    String topic = kafka.createTopic("frames", 1);
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 10, 5);

    CliRun run =
        CliRun.of(
            "publish",
            clip.toString(),
            "--codec",
            "png",
            "--fps",
            "50",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic);

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Frame> frames =
        values(
            TopicRecords.read(
                kafka.bootstrapServers(), topic, 10, WireSerdes.frame().deserializer()));
    assertThat(frames).hasSize(10).allSatisfy(f -> assertThat(f.getCodec()).isEqualTo(Codec.PNG));
    assertThat(frames).extracting(Frame::getCaptureTimeMs).isSorted();
  }

  @Test
  void shouldCreateTheTopicWhenAsked(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 2, 32, 24);
    String topic = kafka.uniqueName("created");

    CliRun run =
        CliRun.of(
            "publish",
            dir.toString(),
            "--create-topic",
            "2",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("created topic " + topic + " with 2 partition(s)");
    assertThat(run.out()).contains("published 2 frames");
  }

  @Test
  void shouldExplainAFrameTooLargeForTheTopic(KafkaCluster kafka, @TempDir Path dir)
      throws Exception {
    String topic = kafka.uniqueName("tiny");
    try (Admin admin =
        Admin.create(kafka.clientConfig())) { // a topic that takes records up to 2 KB
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "2048"))))
          .all()
          .get();
    }
    TestMedia.jpegFolder(dir, 1, 320, 240); // a JPEG of tens of KB

    CliRun run =
        CliRun.of(
            "publish",
            dir.toString(),
            "--codec",
            "png",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            topic);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("Kafka did not accept a frame for topic " + topic, "max.message.bytes");
  }

  @Test
  void shouldNameAMissingTopic(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 1, 32, 24);
    String missing = kafka.uniqueName("never-created");

    CliRun run =
        CliRun.of("publish", dir.toString(), "-b", kafka.bootstrapServers(), "-t", missing);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("topic " + missing + " does not exist");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void shouldFailClearlyWhenTheBrokerIsUnreachable(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 1, 32, 24);

    CliRun run = CliRun.of("publish", dir.toString(), "-b", "127.0.0.1:1", "--kafka-timeout", "3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot reach the Kafka broker at 127.0.0.1:1 within 3 s");
  }

  private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] b = new byte[buffer.remaining()];
    buffer.duplicate().get(b);
    return b;
  }
}
