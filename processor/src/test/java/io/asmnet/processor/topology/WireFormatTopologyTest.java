package io.asmnet.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.config.TestConfigs;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.LandmarkModel;
import io.asmnet.processor.infer.ProbeOnnxModel;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.SchemaRegistryException;
import io.asmnet.schemas.serde.WireFormat;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production topology with the wire format its settings choose: single-object frames written by
 * a newer writer schema are read once {@code serde.extra.schemas.dir} names it (and are dead
 * letters naming that setting otherwise); with a registry that does not answer, a frame fails the
 * task instead of becoming a dead letter.
 */
class WireFormatTopologyTest {
  private static final Schema EVOLVED =
      new Schema.Parser()
          .parse(
              Frame.getClassSchema()
                  .toString()
                  .replace(
                      "\"fields\":[",
                      "\"fields\":[{\"name\":\"exposureUs\",\"type\":[\"null\",\"long\"],\"default\":null},"));
  private static BatchedLandmarkEstimator estimator;
  @TempDir static Path modelDir;
  @TempDir Path dir;
  private TopologyTestDriver driver;
  private WireFormat wire;
  private TestInputTopic<byte[], byte[]> frames;
  private TestOutputTopic<String, PoseEvent> events;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  @BeforeAll
  static void openModel() throws IOException {
    Path file =
        TestModels.find().orElse(ProbeOnnxModel.write(modelDir.resolve("probe.onnx"), "image"));
    estimator =
        new BatchedLandmarkEstimator(
            LandmarkModel.open(file, InferenceDevice.CPU), 16, 1, 2000, PipelineObserver.NONE);
  }

  @AfterAll
  static void closeModel() {
    if (estimator != null) {
      estimator.close();
    }
  }

  private void start(Map<String, String> settings) throws IOException {
    ProcessorConfig config = TestConfigs.load(dir, settings);
    wire = config.wire().open();
    Topics topics = Topics.of(config.topics(), wire);
    Stages stages =
        new Stages(
            () -> new CompositeFrameDecoder(DecodeLimits.defaults()),
            () ->
                new FixedFaceDetector(List.of(new FaceBox(100, 60, 100, 120, 0.9f)), null)
                    .locator(),
            estimator,
            PipelineObserver.NONE,
            Clock.systemUTC());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "wire-format-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    driver = new TopologyTestDriver(PoseTopology.build(stages, topics), props);
    frames =
        driver.createInputTopic(
            config.topics().frames(),
            Serdes.ByteArray().serializer(),
            Serdes.ByteArray().serializer());
    events =
        driver.createOutputTopic(
            config.topics().poseEvents(),
            Serdes.String().deserializer(),
            topics.poseEvents().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            config.topics().deadLetters(),
            Serdes.ByteArray().deserializer(),
            topics.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
    if (wire != null) {
      wire.close();
    }
  }

  /** A frame as a producer with the newer schema writes it: single-object, the new fingerprint. */
  private static byte[] evolvedFrame(long sequence) throws IOException {
    Frame frame = TestFrames.frame("cam", sequence, Codec.JPEG, TestFrames.jpeg(70));
    GenericRecord record = new GenericData.Record(EVOLVED);
    for (Schema.Field field : Frame.getClassSchema().getFields()) {
      record.put(field.name(), frame.get(field.name()));
    }
    record.put("exposureUs", 1_250L);
    ByteBuffer bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), EVOLVED).encode(record);
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    return out;
  }

  @Test
  void shouldReadAFrameOfANewerWriterSchemaNamedByTheExtraSchemasFolder() throws IOException {
    Path schemas = Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(schemas.resolve("frame-exposure.avsc"), EVOLVED.toString(true));
    start(Map.of("serde.extra.schemas.dir", schemas.toString()));

    frames.pipeInput("cam".getBytes(), evolvedFrame(0));
    frames.pipeInput(
        "cam".getBytes(),
        wire.frames()
            .serializer()
            .serialize("frames", TestFrames.frame("cam", 1, Codec.JPEG, TestFrames.jpeg(80))));

    assertThat(deadLetters.readValuesToList()).isEmpty();
    assertThat(events.readValuesToList())
        .extracting(PoseEvent::getSequence)
        .containsExactly(0L, 1L);
  }

  @Test
  void shouldDeadLetterAnUnknownFingerprintNamingTheSettingThatWouldReadIt() throws IOException {
    start(Map.of());

    frames.pipeInput("cam".getBytes(), evolvedFrame(0));

    assertThat(events.readValuesToList()).isEmpty();
    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.BAD_SCHEMA);
    assertThat(letter.getMessage())
        .contains("unknown schema fingerprint", "serde.extra.schemas.dir");
  }

  @Test
  void shouldFailTheTaskRatherThanDeadLetterWhileTheRegistryDoesNotAnswer() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    start(
        Map.of(
            "serde.format", "registry", "schema.registry.url", "http://127.0.0.1:" + closedPort));

    // Confluent framing, schema id 1: well formed, but only the registry can say what id 1 is.
    assertThatThrownBy(
            () -> frames.pipeInput("cam".getBytes(), new byte[] {0, 0, 0, 0, 1, 2, 4, 6}))
        .isInstanceOf(StreamsException.class)
        .satisfies(
            e ->
                assertThat(causeOf(e, SchemaRegistryException.class))
                    .hasMessageContaining(
                        "cannot look up schema id 1 in the registry at http://127.0.0.1:"
                            + closedPort));
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();
  }

  private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + e, e);
  }
}
