package io.asmnet.cli.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.TestMedia;
import io.asmnet.cli.TopicRecords;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.processor.registry.RegistryExtension;
import io.asmnet.processor.registry.RegistryServer;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.serde.RegistrySettings;
import io.asmnet.schemas.serde.WireFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} and {@code consume} with {@code --serde-format registry}, against a real Apicurio
 * Registry and a real broker: what they write is Confluent framed with ids the registry gave, and
 * what they read they decode through it.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@ExtendWith({KafkaBrokerExtension.class, RegistryExtension.class})
class RegistryCommandsIT {

  @Test
  void shouldPublishAndConsumeConfluentFramedRecords(
      KafkaCluster kafka, RegistryServer registry, @TempDir Path dir) throws Exception {
    String frames = kafka.createTopic("frames", 1);
    String events = kafka.createTopic("events", 1);
    TestMedia.jpegFolder(dir, 3, 120, 90);

    CliRun publish =
        CliRun.of(
            "publish",
            dir.toString(),
            "-b",
            kafka.bootstrapServers(),
            "-t",
            frames,
            "--camera-id",
            "lobby",
            "--serde-format",
            "registry",
            "--schema-registry-url",
            registry.baseUrl());

    assertThat(publish.exitCode()).as(publish.err()).isZero();
    List<ConsumerRecord<String, byte[]>> raw =
        TopicRecords.read(kafka.bootstrapServers(), frames, 3, new ByteArrayDeserializer());
    assertThat(raw).hasSize(3).allSatisfy(r -> assertThat(r.value()[0]).as("magic byte").isZero());
    try (WireFormat wire = WireFormat.registry(RegistrySettings.of(registry.baseUrl(), Map.of()))) {
      assertThat(raw)
          .extracting(r -> wire.frames().deserializer().deserialize(frames, r.value()))
          .extracting(Frame::getSequence)
          .containsExactly(0L, 1L, 2L);
      TopicRecords.send(
          kafka.bootstrapServers(),
          events,
          List.of(
              Map.entry(
                  "lobby",
                  wire.poseEvents()
                      .serializer()
                      .serialize(events, TestMedia.event("lobby", 7, 10, 10, 50, 1, 2, 3)))));
    }

    CliRun consume =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            events,
            "--from-beginning",
            "-n",
            "1",
            "--serde-format",
            "registry",
            "--schema-registry-url",
            registry.baseUrl() + "/apis/ccompat/v7");
    CliRun singleObject =
        CliRun.of(
            "consume",
            "-b",
            kafka.bootstrapServers(),
            "-t",
            events,
            "--from-beginning",
            "-n",
            "1",
            "--timeout",
            "3");

    assertThat(consume.exitCode()).as(consume.err()).isZero();
    assertThat(consume.outLines())
        .singleElement()
        .asString()
        .contains("\"cameraId\":\"lobby\"", "\"sequence\":7");
    assertThat(singleObject.exitCode()).isEqualTo(1);
    assertThat(singleObject.err()).contains("wrong magic marker 00", "serde.format=registry");
  }

  @Test
  void shouldRefuseTheRegistryFormatWithoutAUrl(KafkaCluster kafka) {
    String events = kafka.createTopic("events", 1);

    CliRun run =
        CliRun.of(
            "consume", "-b", kafka.bootstrapServers(), "-t", events, "--serde-format", "registry");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--serde-format registry needs --schema-registry-url");
  }
}
