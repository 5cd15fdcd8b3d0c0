package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.processor.topology.TestFrames;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireSerdes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The wired app (ProcessorApp/RunningProcessor) against a real broker, with exactly-once. */
@Tag("integration")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class ProcessorAppIT {
  private static AppKafka kafka;
  @TempDir Path stateDir;

  @BeforeAll
  static void broker(KafkaCluster cluster) {
    kafka = new AppKafka(cluster);
  }

  private static final StageFactory TEST_STAGES = FixedFaceStages.INSTANCE;

  private ProcessorConfig config(String suffix, boolean create) {
    return kafka.config(suffix, create, stateDir, TestModels.require(), Map.of());
  }

  @Test
  void shouldRefuseToStartWhenTopicsAreMissing() {
    String id = UUID.randomUUID().toString().substring(0, 8);

    assertThatThrownBy(() -> new ProcessorApp(config(id, false), TEST_STAGES).start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "topics missing on "
                + kafka.cluster().bootstrapServers()
                + ": frames-"
                + id
                + ", events-"
                + id
                + ", dlq-"
                + id)
        .hasMessageContaining("topics.create=true");
  }

  @Test
  void shouldWriteOneEventOrOneDeadLetterPerFrameAndStopCleanly() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = config(id, true);
    RunningProcessor running = new ProcessorApp(config, TEST_STAGES).start();

    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int seq = 0; seq < 3; seq++) {
        byte[] value =
            WireSerdes.frame()
                .serializer()
                .serialize(
                    "f", TestFrames.frame("cam", seq, Codec.JPEG, TestFrames.jpeg(50 + seq)));
        producer.send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), value));
      }
      producer.send(
          new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), new byte[] {1, 2, 3}));
    }

    List<ConsumerRecord<byte[], byte[]>> events = kafka.consume(config.topics().poseEvents(), 3);
    List<ConsumerRecord<byte[], byte[]>> dead = kafka.consume(config.topics().deadLetters(), 1);
    String scrape = scrape(running.metricsPort());
    running.close();

    assertThat(events)
        .extracting(r -> WireSerdes.poseEvent().deserializer().deserialize("e", r.value()))
        .extracting(PoseEvent::getSequence)
        .containsExactly(0L, 1L, 2L);
    DeadLetter d = WireSerdes.deadLetter().deserializer().deserialize("d", dead.get(0).value());
    assertThat(d.getErrorKind()).isEqualTo(ErrorKind.BAD_SCHEMA);
    assertThat(d.getOffset()).isEqualTo(3);
    assertThat(running.awaitExitCode()).isZero();
    // The metrics runtime is the pipeline's observer, knows the device the model really runs on,
    // and is bound to this Streams client.
    assertThat(scrape)
        .contains("asmnet_inference_device_info{", "device=\"cpu\"")
        .contains("asmnet_model_info{")
        .contains("asmnet_detector_info{", "detector=\"blazeface\"")
        .containsPattern("asmnet_frames_total\\{[^}]*camera=\"cam\"[^}]*\\} 3")
        .containsPattern("asmnet_dead_letters_total\\{[^}]*kind=\"bad_schema\"[^}]*\\} 1")
        .contains("kafka_stream_alive_stream_threads");
  }

  private static String scrape(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    return http.send(get, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void shouldShutDownWithExitCodeOneWhenAStreamThreadDies() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = config(id, true);
    // An Error is not a per-record problem: it must stop the instance, not be dead-lettered or
    // retried forever on a replaced thread.
    StageFactory dying =
        new StageFactory() {
          @Override
          public Supplier<FrameDecoder> decoders(ProcessorConfig c) {
            return () ->
                new FrameDecoder() {
                  @Override
                  public io.asmnet.processor.decode.DecodedFrame decode(
                      io.asmnet.schemas.avro.Frame frame) {
                    throw new AssertionError("simulated fatal error");
                  }

                  @Override
                  public void release(String cameraId) {}

                  @Override
                  public void close() {}
                };
          }

          @Override
          public Supplier<FaceLocator> locators(ProcessorConfig c) {
            return TEST_STAGES.locators(c);
          }
        };
    RunningProcessor running = new ProcessorApp(config, dying).start();
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      byte[] value =
          WireSerdes.frame()
              .serializer()
              .serialize("f", TestFrames.frame("cam", 0, Codec.JPEG, TestFrames.jpeg(50)));
      producer.send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), value));
    }

    int code = running.awaitExitCode();
    running.close();

    assertThat(code).isEqualTo(1);
  }
}
