package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.processor.topology.AvroSingleObjectWire;
import io.asmnet.processor.topology.FixedFaceLocator;
import io.asmnet.processor.topology.ImdecodeFrameDecoder;
import io.asmnet.processor.topology.TestFrames;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The wired app (ProcessorApp/RunningProcessor) against a real broker, with exactly-once. */
@Tag("integration")
@Timeout(300)
class ProcessorAppIT {
  @TempDir static Path brokerDir;
  private static ScratchKafka kafka;
  @TempDir Path stateDir;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = ScratchKafka.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static final StageFactory TEST_STAGES = new StageFactory() {
    @Override
    public Supplier<FrameDecoder> decoders(ProcessorConfig config) {
      return ImdecodeFrameDecoder::new;
    }

    @Override
    public Supplier<FaceLocator> locators(ProcessorConfig config) {
      return () -> new FixedFaceLocator(List.of(new FaceBox(100, 60, 100, 120, 0.9f)), null);
    }

    @Override
    public PipelineObserver observer(ProcessorConfig config) {
      return PipelineObserver.NONE;
    }
  };

  private ProcessorConfig config(String suffix, boolean create) {
    Map<String, String> sets = new HashMap<>();
    sets.put("bootstrap.servers", kafka.bootstrap());
    sets.put("application.id", "it-" + suffix);
    sets.put("topic.frames", "frames-" + suffix);
    sets.put("topic.pose.events", "events-" + suffix);
    sets.put("topic.dead.letters", "dlq-" + suffix);
    sets.put("topics.create", String.valueOf(create));
    sets.put("model.path", TestModels.require().toString());
    sets.put("inference.device", "cpu");
    sets.put("state.dir", stateDir.toString());
    sets.put("commit.interval.ms", "100");
    return ConfigLoader.load(null, Map.of(), sets);
  }

  @Test
  void shouldRefuseToStartWhenTopicsAreMissing() {
    String id = UUID.randomUUID().toString().substring(0, 8);

    assertThatThrownBy(() -> new ProcessorApp(config(id, false), TEST_STAGES).start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics missing on " + kafka.bootstrap() + ": frames-" + id + ", events-" + id + ", dlq-" + id)
        .hasMessageContaining("topics.create=true");
  }

  @Test
  void shouldWriteOneEventOrOneDeadLetterPerFrameAndStopCleanly() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = config(id, true);
    AvroSingleObjectWire wire = new AvroSingleObjectWire();
    RunningProcessor running = new ProcessorApp(config, TEST_STAGES).start();

    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int seq = 0; seq < 3; seq++) {
        byte[] value = wire.frames().serializer().serialize("f", TestFrames.frame("cam", seq, Codec.JPEG, TestFrames.jpeg(50 + seq)));
        producer.send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), value));
      }
      producer.send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), new byte[] {1, 2, 3}));
    }

    List<ConsumerRecord<byte[], byte[]>> events = consume(config.topics().poseEvents(), 3);
    List<ConsumerRecord<byte[], byte[]>> dead = consume(config.topics().deadLetters(), 1);
    running.close();

    assertThat(events).extracting(r -> wire.poseEvents().deserializer().deserialize("e", r.value()))
        .extracting(PoseEvent::getSequence).containsExactly(0L, 1L, 2L);
    DeadLetter d = wire.deadLetters().deserializer().deserialize("d", dead.get(0).value());
    assertThat(d.getErrorKind()).isEqualTo(ErrorKind.BAD_SCHEMA);
    assertThat(d.getOffset()).isEqualTo(3);
    assertThat(running.awaitExitCode()).isZero();
  }

  @Test
  void shouldShutDownWithExitCodeOneWhenAStreamThreadDies() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ProcessorConfig config = config(id, true);
    // An Error is not a per-record problem: it must stop the instance, not be dead-lettered or
    // retried forever on a replaced thread.
    StageFactory dying = new StageFactory() {
      @Override
      public Supplier<FrameDecoder> decoders(ProcessorConfig c) {
        return () -> new FrameDecoder() {
          @Override
          public io.asmnet.processor.decode.DecodedFrame decode(io.asmnet.schemas.avro.Frame frame) {
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

      @Override
      public PipelineObserver observer(ProcessorConfig c) {
        return PipelineObserver.NONE;
      }
    };
    RunningProcessor running = new ProcessorApp(config, dying).start();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      byte[] value = new AvroSingleObjectWire().frames().serializer()
          .serialize("f", TestFrames.frame("cam", 0, Codec.JPEG, TestFrames.jpeg(50)));
      producer.send(new ProducerRecord<>(config.topics().frames(), "cam".getBytes(), value));
    }

    int code = running.awaitExitCode();
    running.close();

    assertThat(code).isEqualTo(1);
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Reads committed records until {@code n} arrived (or the test times out). */
  private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int n) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (out.size() < n) {
        consumer.poll(Duration.ofMillis(500)).forEach(out::add);
      }
    }
    return out;
  }
}
