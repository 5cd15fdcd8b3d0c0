package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.processor.registry.RegistryExtension;
import io.asmnet.processor.registry.RegistryServer;
import io.asmnet.processor.topology.TestFrames;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.RegistrySettings;
import io.asmnet.schemas.serde.WireFormat;
import io.asmnet.schemas.serde.WireSerdes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serde.format=registry} end to end: a real Apicurio Registry (its own JVM, from Maven
 * Central), a real broker, the wired processor ({@link ProcessorApp}) with cheap stages. Frames are
 * produced with the registry serializer, events read back with the registry-aware deserializer, and
 * their schema ids looked up through the registry's Confluent-compatible API, which is what
 * Confluent's tools (AvroConverter, kafka-avro-console-consumer) ask.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith({KafkaBrokerExtension.class, RegistryExtension.class})
class RegistryWireFormatIT {
  private static AppKafka kafka;
  private static RegistryServer registry;
  private static WireFormat wire;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path stateDir;

  @BeforeAll
  static void start(KafkaCluster cluster, RegistryServer server) {
    kafka = new AppKafka(cluster);
    registry = server;
    wire = WireFormat.registry(RegistrySettings.of(server.baseUrl(), Map.of()));
  }

  @AfterAll
  static void close() {
    if (wire != null) {
      wire.close();
    }
  }

  private ProcessorConfig config(String id) {
    return kafka.config(
        id,
        true,
        stateDir,
        TestModels.require(),
        Map.of("serde.format", "registry", "schema.registry.url", registry.baseUrl()));
  }

  @Test
  void shouldReadAndWriteConfluentFramedRecordsAndDeadLetterWhatIsNot() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = config(id);
    String frames = config.topics().frames();
    try (RunningProcessor running = new ProcessorApp(config, FixedFaceStages.INSTANCE).start();
        KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int seq = 0; seq < 2; seq++) {
        send(producer, frames, wire.frames().serializer().serialize(frames, frame(seq)));
      }
      // Single-object bytes, and Confluent framing with an id the registry never gave out.
      send(producer, frames, WireSerdes.frame().encode(frame(2)));
      send(producer, frames, new byte[] {0, 0x7f, 0, 0, 1, 2, 3});

      List<ConsumerRecord<byte[], byte[]>> events = kafka.consume(config.topics().poseEvents(), 2);
      List<ConsumerRecord<byte[], byte[]>> dead = kafka.consume(config.topics().deadLetters(), 2);

      assertThat(events)
          .extracting(r -> wire.poseEvents().deserializer().deserialize(r.topic(), r.value()))
          .extracting(PoseEvent::getSequence)
          .containsExactly(0L, 1L);
      for (ConsumerRecord<byte[], byte[]> event : events) {
        assertThat(event.value()[0]).as("magic byte").isZero();
        // The 4-byte id is one the registry knows, and it names the PoseEvent schema.
        assertThat(get("/apis/ccompat/v7/schemas/ids/" + schemaId(event.value())))
            .contains("\\\"name\\\":\\\"PoseEvent\\\"");
      }
      assertThat(get("/apis/ccompat/v7/subjects"))
          .contains(
              "\"" + frames + "-value\"",
              "\"" + config.topics().poseEvents() + "-value\"",
              "\"" + config.topics().deadLetters() + "-value\"");
      List<DeadLetter> letters =
          dead.stream()
              .map(r -> wire.deadLetters().deserializer().deserialize(r.topic(), r.value()))
              .toList();
      assertThat(letters).extracting(DeadLetter::getErrorKind).containsOnly(ErrorKind.BAD_SCHEMA);
      assertThat(letters.get(0).getMessage())
          .contains("wrong magic byte C3", "serde.format=single-object");
      assertThat(letters.get(1).getMessage()).contains("unknown schema id 2130706433");
      assertThat(running.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.RUNNING);
    }
  }

  @Test
  void shouldKeepProcessingWhenAProducerAddsAnOptionalField() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = config(id);
    String frames = config.topics().frames();
    Schema evolved =
        new Schema.Parser()
            .parse(
                Frame.getClassSchema()
                    .toString()
                    .replace(
                        "\"fields\":[",
                        "\"fields\":[{\"name\":\"exposureUs\",\"type\":[\"null\",\"long\"],\"default\":null},"));
    try (RunningProcessor running = new ProcessorApp(config, FixedFaceStages.INSTANCE).start();
        KafkaProducer<byte[], byte[]> producer = kafka.producer();
        AvroKafkaSerializer<GenericRecord> other = otherProducersSerializer()) {
      byte[] v1 = wire.frames().serializer().serialize(frames, frame(0));
      byte[] v2 = other.serialize(frames, evolvedFrame(evolved, frame(1), 1_250L));
      send(producer, frames, v1);
      send(producer, frames, v2);
      send(producer, frames, wire.frames().serializer().serialize(frames, frame(2)));

      List<ConsumerRecord<byte[], byte[]>> events = kafka.consume(config.topics().poseEvents(), 3);

      assertThat(schemaId(v2)).as("the evolved schema is a new version").isNotEqualTo(schemaId(v1));
      // Two writer schemas in the registry, under the ids the records carry; only v2 has the field.
      assertThat(get("/apis/ccompat/v7/schemas/ids/" + schemaId(v2))).contains("exposureUs");
      assertThat(get("/apis/ccompat/v7/schemas/ids/" + schemaId(v1))).doesNotContain("exposureUs");
      assertThat(events)
          .extracting(r -> wire.poseEvents().deserializer().deserialize(r.topic(), r.value()))
          .extracting(PoseEvent::getSequence)
          .containsExactly(0L, 1L, 2L);
      assertThat(running.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.RUNNING);
    }
  }

  /** Apicurio's serializer as another producer would configure it for Confluent framing. */
  private static AvroKafkaSerializer<GenericRecord> otherProducersSerializer() {
    AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>();
    serializer.configure(
        Map.of(
            "apicurio.registry.url",
            registry.baseUrl() + "/apis/registry/v2",
            "apicurio.registry.auto-register",
            true,
            "apicurio.registry.as-confluent",
            true,
            "apicurio.registry.use-id",
            "contentId",
            "apicurio.registry.headers.enabled",
            false),
        false);
    return serializer;
  }

  private static GenericRecord evolvedFrame(Schema evolved, Frame frame, long exposureUs) {
    GenericRecord record = new GenericData.Record(evolved);
    for (Schema.Field field : Frame.getClassSchema().getFields()) {
      record.put(field.name(), frame.get(field.name()));
    }
    record.put("exposureUs", exposureUs);
    return record;
  }

  private static Frame frame(long seq) {
    return TestFrames.frame("cam", seq, Codec.JPEG, TestFrames.jpeg(60 + (int) seq));
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, "cam".getBytes(StandardCharsets.UTF_8), value)).get();
  }

  private static int schemaId(byte[] value) {
    return ByteBuffer.wrap(value, 1, 4).getInt();
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registry.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
