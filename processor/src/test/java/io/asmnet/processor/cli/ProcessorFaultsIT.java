package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.LandmarkModel;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.processor.metrics.MetricsRuntime;
import io.asmnet.processor.topology.PoseTopology;
import io.asmnet.processor.topology.Stages;
import io.asmnet.processor.topology.TestFrames;
import io.asmnet.processor.topology.Topics;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireSerdes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that must not stop the processor or lose a record, on the run's real broker: frames too
 * large for the clients' defaults, a dead-letter topic smaller than the records, a failing model.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class ProcessorFaultsIT {
  private static final int MIB = 1024 * 1024;
  private static final int TEN_MIB = 10 * MIB;

  private static AppKafka kafka;
  @TempDir Path stateDir;

  @BeforeAll
  static void broker(KafkaCluster cluster) {
    kafka = new AppKafka(cluster);
  }

  private static final StageFactory FIXED_FACE = FixedFaceStages.INSTANCE;

  /** Creates the config's three topics with these max.message.bytes, as compose would. */
  private static void createTopics(
      ProcessorConfig config, int framesMax, int eventsMax, int deadLettersMax) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  topic(config.topics().frames(), framesMax),
                  topic(config.topics().poseEvents(), eventsMax),
                  topic(config.topics().deadLetters(), deadLettersMax)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static NewTopic topic(String name, int maxMessageBytes) {
    return new NewTopic(name, 1, (short) 1)
        .configs(Map.of("max.message.bytes", String.valueOf(maxMessageBytes)));
  }

  /** A producer that can send what the 10 MiB topics accept. */
  private static KafkaProducer<byte[], byte[]> bigProducer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TEN_MIB);
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] frameBytes(String camera, long seq, byte[] payload) {
    Frame f = TestFrames.frame(camera, seq, Codec.JPEG, payload);
    return WireSerdes.frame().serializer().serialize("f", f);
  }

  private static byte[] noise(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> r) {
    return WireSerdes.deadLetter().deserializer().deserialize("d", r.value());
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldDeadLetterFramesOfTwoAndNineAndAHalfMebibytesOnTenMebibyteTopicsAndGoOn()
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = kafka.config(id, false, stateDir, TestModels.require(), Map.of());
    createTopics(config, TEN_MIB, TEN_MIB, TEN_MIB);
    byte[] corrupt = frameBytes("cam", 0, noise(2 * MIB));
    byte[] oversized = frameBytes("cam", 1, noise(9 * MIB + MIB / 2));
    byte[] good = frameBytes("cam", 2, TestFrames.jpeg(60));

    RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
    try (KafkaProducer<byte[], byte[]> producer = bigProducer()) {
      for (byte[] value : List.of(corrupt, oversized, good)) {
        producer
            .send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), value))
            .get();
      }
    }
    List<ConsumerRecord<byte[], byte[]>> dead = kafka.consume(config.topics().deadLetters(), 2);
    List<ConsumerRecord<byte[], byte[]>> events = kafka.consume(config.topics().poseEvents(), 1);
    KafkaStreams.State state = running.state();
    running.close();

    assertThat(state).isEqualTo(KafkaStreams.State.RUNNING);
    assertThat(running.awaitExitCode()).isZero();
    assertThat(events)
        .extracting(r -> WireSerdes.poseEvent().deserializer().deserialize("e", r.value()))
        .extracting(PoseEvent::getSequence)
        .containsExactly(2L);
    DeadLetter whole = deadLetter(dead.get(0));
    assertThat(whole.getErrorKind()).isEqualTo(ErrorKind.CORRUPT_PAYLOAD);
    assertThat(whole.getOffset()).isZero();
    assertThat(whole.getPayload()).isEqualTo(ByteBuffer.wrap(corrupt)); // 2 MiB fits: kept whole
    assertThat(header(dead.get(0), "asmnet.payload.truncated")).isNull();
    DeadLetter cut = deadLetter(dead.get(1));
    assertThat(cut.getErrorKind()).isEqualTo(ErrorKind.OVERSIZED);
    assertThat(cut.getOffset()).isEqualTo(1);
    assertThat(cut.getKey()).isEqualTo(ByteBuffer.wrap("cam".getBytes()));
    assertThat(cut.getPayload()).isEqualTo(ByteBuffer.wrap(Arrays.copyOf(oversized, 16 * 1024)));
    assertThat(cut.getMessage())
        .contains("exceeds the limit", "of the original " + oversized.length + " bytes");
    assertThat(header(dead.get(1), "asmnet.original.bytes"))
        .isEqualTo(String.valueOf(oversized.length));
    assertThat(header(dead.get(1), "asmnet.payload.truncated")).isEqualTo("true");
  }

  @Test
  void shouldCutDeadLettersToADeadLetterTopicSmallerThanTheRecordLimitUnderExactlyOnce()
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = kafka.config(id, false, stateDir, TestModels.require(), Map.of());
    createTopics(config, TEN_MIB, MIB, MIB); // output topics at the broker's 1 MiB default
    byte[] corrupt = frameBytes("cam", 0, noise(2 * MIB));

    RunningProcessor running = new ProcessorApp(config, FIXED_FACE).start();
    try (KafkaProducer<byte[], byte[]> producer = bigProducer()) {
      producer
          .send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), corrupt))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  config.topics().frames(),
                  "cam".getBytes(),
                  frameBytes("cam", 1, TestFrames.jpeg(60))))
          .get();
    }
    List<ConsumerRecord<byte[], byte[]>> dead = kafka.consume(config.topics().deadLetters(), 1);
    List<ConsumerRecord<byte[], byte[]>> events = kafka.consume(config.topics().poseEvents(), 1);
    KafkaStreams.State state = running.state();
    running.close();

    assertThat(state).isEqualTo(KafkaStreams.State.RUNNING);
    DeadLetter cut = deadLetter(dead.get(0));
    assertThat(cut.getErrorKind()).isEqualTo(ErrorKind.CORRUPT_PAYLOAD);
    assertThat(cut.getOffset()).isZero();
    assertThat(cut.getPayload()).isEqualTo(ByteBuffer.wrap(Arrays.copyOf(corrupt, 16 * 1024)));
    assertThat(header(dead.get(0), "asmnet.original.bytes"))
        .isEqualTo(String.valueOf(corrupt.length));
    assertThat(events).hasSize(1);
    assertThat(running.awaitExitCode()).isZero();
  }

  @Test
  void shouldReplaceADeadLetterTheTopicRefusesWithASmallOneAndGoOn() throws Exception {
    // The topic shrinks after the processor read its limit at start. at_least_once: under
    // exactly-once Kafka's producer aborts the transaction of any failed send, which no handler
    // undoes.
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config =
        kafka.config(
            id,
            false,
            stateDir,
            TestModels.require(),
            Map.of("processing.guarantee", "at_least_once"));
    createTopics(config, TEN_MIB, TEN_MIB, TEN_MIB);
    byte[] corrupt = frameBytes("cam", 0, noise(2 * MIB));

    RunningProcessor running = new ProcessorApp(config, FIXED_FACE).start();
    shrink(config.topics().deadLetters(), MIB);
    try (KafkaProducer<byte[], byte[]> producer = bigProducer()) {
      producer
          .send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), corrupt))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  config.topics().frames(),
                  "cam".getBytes(),
                  frameBytes("cam", 1, TestFrames.jpeg(60))))
          .get();
    }
    List<ConsumerRecord<byte[], byte[]>> dead = kafka.consume(config.topics().deadLetters(), 1);
    List<ConsumerRecord<byte[], byte[]>> events = kafka.consume(config.topics().poseEvents(), 1);
    String scrape = get(running.metricsPort(), "/metrics").body();
    KafkaStreams.State state = running.state();
    running.close();

    assertThat(state).isEqualTo(KafkaStreams.State.RUNNING);
    DeadLetter small = deadLetter(dead.get(0));
    assertThat(small.getErrorKind()).isEqualTo(ErrorKind.CORRUPT_PAYLOAD);
    assertThat(small.getOffset()).isZero();
    assertThat(small.getMessage())
        .contains("Kafka refused the dead letter", "RecordTooLargeException");
    assertThat(header(dead.get(0), "asmnet.replaces.refused.record")).isEqualTo("true");
    assertThat(events).hasSize(1);
    assertThat(scrape)
        .containsPattern(
            "asmnet_production_errors_total\\{[^}]*error=\"RecordTooLargeException\"[^}]*\\} 1");
  }

  @Test
  void shouldStopOnATopicShrunkUnderExactlyOnceAndCutTheDeadLetterAfterRestartWithoutLosingIt()
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = kafka.config(id, false, stateDir, TestModels.require(), Map.of());
    createTopics(config, TEN_MIB, TEN_MIB, TEN_MIB);
    byte[] corrupt = frameBytes("cam", 0, noise(2 * MIB));

    RunningProcessor first = new ProcessorApp(config, FIXED_FACE).start();
    shrink(config.topics().deadLetters(), MIB);
    try (KafkaProducer<byte[], byte[]> producer = bigProducer()) {
      producer
          .send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), corrupt))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  config.topics().frames(),
                  "cam".getBytes(),
                  frameBytes("cam", 1, TestFrames.jpeg(60))))
          .get();
    }
    // The refused send aborts the transaction: the instance stops, nothing of it is committed.
    int firstExit = first.awaitExitCode();
    first.close();
    RunningProcessor second = new ProcessorApp(config, FIXED_FACE).start(); // reads the 1 MiB limit
    List<ConsumerRecord<byte[], byte[]>> dead =
        kafka.consume(config.topics().deadLetters(), 1, Duration.ofSeconds(2));
    List<ConsumerRecord<byte[], byte[]>> events =
        kafka.consume(config.topics().poseEvents(), 1, Duration.ofSeconds(1));
    second.close();

    assertThat(firstExit).isEqualTo(1);
    assertThat(dead).hasSize(1);
    assertThat(deadLetter(dead.get(0)).getOffset()).isZero();
    assertThat(header(dead.get(0), "asmnet.payload.truncated")).isEqualTo("true");
    assertThat(events).hasSize(1);
  }

  private static void shrink(String topic, int maxMessageBytes) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      AlterConfigOp op =
          new AlterConfigOp(
              new ConfigEntry("max.message.bytes", String.valueOf(maxMessageBytes)),
              AlterConfigOp.OpType.SET);
      admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldRetryAFrameWhileTheModelFailsReportUnhealthyAndProcessItAfterRecovery()
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = kafka.config(id, false, stateDir, TestModels.require(), Map.of());
    createTopics(config, TEN_MIB, TEN_MIB, TEN_MIB);
    Properties props = StreamsSettings.of(config);
    MetricsRuntime obs =
        MetricsRuntime.start(config.kafka().applicationId(), "it", 50, "127.0.0.1", 0);
    LandmarkModel model = LandmarkModel.open(config.inference().modelPath(), InferenceDevice.CPU);
    AtomicBoolean deviceFault = new AtomicBoolean(true);
    // The model double: the real model behind a switch that makes every run fail like a lost GPU.
    BatchedLandmarkEstimator estimator =
        new BatchedLandmarkEstimator(
            model,
            (crops, n) -> {
              if (deviceFault.get()) {
                throw new IllegalStateException(
                    "simulated CUDA error: an illegal memory access was encountered");
              }
              return model.run(crops, n);
            },
            16,
            1,
            2000,
            5000,
            120_000,
            obs.metrics());
    Stages stages =
        new Stages(
            FIXED_FACE.decoders(config),
            FIXED_FACE.locators(config),
            estimator,
            obs.metrics(),
            Clock.systemUTC());
    RunningProcessor running =
        RunningProcessor.start(
            PoseTopology.build(
                stages,
                Topics.of(config.topics()),
                RecordLimits.maxRecordBytes(config.stages().maxPayloadBytes())),
            withStateDir(props, config),
            estimator,
            () -> {},
            obs,
            () -> {});
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  config.topics().frames(),
                  "cam".getBytes(),
                  frameBytes("cam", 0, TestFrames.jpeg(60))))
          .get();
    }

    HttpResponse<String> unhealthy = awaitStatus(running.metricsPort(), 503);
    List<ConsumerRecord<byte[], byte[]>> deadWhileFailing =
        kafka.consume(config.topics().deadLetters(), 0, Duration.ofSeconds(2));
    Map<TopicPartition, OffsetAndMetadata> committedWhileFailing = committed(config);
    deviceFault.set(false);
    List<ConsumerRecord<byte[], byte[]>> events = kafka.consume(config.topics().poseEvents(), 1);
    HttpResponse<String> healthy = awaitStatus(running.metricsPort(), 200);
    running.close();

    assertThat(unhealthy.body())
        .contains("\"live\":false", "\"inference\":\"DOWN\"", "simulated CUDA error");
    assertThat(deadWhileFailing).isEmpty();
    TopicPartition frames = new TopicPartition(config.topics().frames(), 0);
    assertThat(committedWhileFailing.get(frames))
        .satisfiesAnyOf(o -> assertThat(o).isNull(), o -> assertThat(o.offset()).isZero());
    assertThat(events)
        .extracting(r -> WireSerdes.poseEvent().deserializer().deserialize("e", r.value()))
        .singleElement()
        .satisfies(e -> assertThat(e.getFaces()).hasSize(1));
    assertThat(healthy.body()).contains("\"live\":true");
    assertThat(kafka.consume(config.topics().deadLetters(), 0, Duration.ofSeconds(1))).isEmpty();
    assertThat(running.awaitExitCode()).isZero();
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed(ProcessorConfig config)
      throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers()))) {
      return admin
          .listConsumerGroupOffsets(config.kafka().applicationId())
          .partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> awaitStatus(int port, int status) throws Exception {
    while (true) {
      HttpResponse<String> r = get(port, "/health/live");
      if (r.statusCode() == status) {
        return r;
      }
      Thread.sleep(100);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return http.send(get, HttpResponse.BodyHandlers.ofString());
  }

  /** Started without ProcessorApp: the state directory it would claim, set here directly. */
  private static java.util.Properties withStateDir(
      java.util.Properties props, ProcessorConfig config) {
    props.put(
        org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG,
        config.kafka().stateDir().toString());
    return props;
  }
}
