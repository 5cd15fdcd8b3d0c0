package io.asmnet.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.asmnet.processor.decode.FfmpegLogLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  private Path model;

  @BeforeEach
  void givenAModelFile() throws IOException {
    model = Files.write(dir.resolve("m.onnx"), new byte[] {1, 2, 3});
  }

  private ProcessorConfig load(Map<String, String> env, Map<String, String> sets) {
    Map<String, String> o = new HashMap<>(Map.of("model.path", model.toString()));
    o.putAll(sets);
    return ConfigLoader.load(null, env, o);
  }

  private static String problemsOf(Runnable r) {
    try {
      r.run();
    } catch (ConfigException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void shouldApplyDefaults() {
    ProcessorConfig c = load(Map.of(), Map.of());

    assertThat(c.kafka().applicationId()).isEqualTo("asmnet-processor");
    assertThat(c.kafka().processingGuarantee()).isEqualTo("exactly_once_v2");
    assertThat(c.topics())
        .isEqualTo(new ProcessorConfig.TopicNames("frames", "pose-events", "frames-dlq"));
    assertThat(c.inference().maxBatchSize()).isEqualTo(16);
    assertThat(c.inference().maxQueueDelayMicros()).isEqualTo(2000);
    assertThat(c.inference().device()).isEqualTo(InferenceDevice.AUTO);
    assertThat(c.metrics()).isEqualTo(new ProcessorConfig.Metrics("127.0.0.1", 9464, 50));
  }

  @Test
  void shouldDefaultToTheBundledBlazeFaceWithUprightCropsAndConfirmation() {
    ProcessorConfig.StageSettings s = load(Map.of(), Map.of()).stages();

    assertThat(s.detector()).isEqualTo(DetectorKind.BLAZEFACE);
    assertThat(s.detectorModel()).isEqualTo("bundled");
    assertThat(s.detectorShortModel()).isEqualTo("bundled");
    assertThat(s.detectorMinScore()).isEqualTo(0.6f);
    assertThat(s.cropUpright()).isTrue();
    assertThat(s.trackerConfirm()).isTrue();
  }

  @Test
  void shouldNameAMissingDetectorModelAndAnUnknownDetector() {
    assertThat(
            problemsOf(
                () ->
                    load(
                        Map.of(),
                        Map.of("detector.model", "/nowhere/face.onnx", "detector", "yolo"))))
        .contains("detector.model: model file /nowhere/face.onnx does not exist")
        .contains("detector: 'yolo' is not one of blazeface, haar");
    // The cascade does not need the networks.
    assertThat(
            load(Map.of(), Map.of("detector", "haar", "detector.model", "/nowhere/face.onnx"))
                .stages()
                .detector())
        .isEqualTo(DetectorKind.HAAR);
  }

  @Test
  void shouldRejectAnUnknownCascadeNamingTheKnownOnes() {
    assertThat(problemsOf(() -> load(Map.of(), Map.of("detector.cascade", "yunet"))))
        .contains(
            "detector.cascade: 'yunet' is not one of haar_frontal_default, haar_frontal_alt2, lbp_frontal_improved");
  }

  @Test
  void shouldLetEnvironmentOverrideFileAndSetOverrideEnvironment() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("p.properties"),
            "max.batch.size=4\nmax.queue.delay.us=500\nnum.stream.threads=3\nmodel.path="
                + model
                + "\n");
    Map<String, String> env =
        Map.of("ASMNET_MAX_BATCH_SIZE", "8", "ASMNET_MAX_QUEUE_DELAY_US", "700", "OTHER", "x");

    ProcessorConfig c = ConfigLoader.load(file, env, Map.of("max.queue.delay.us", "900"));

    assertThat(c.kafka().numStreamThreads()).isEqualTo(3);
    assertThat(c.inference().maxBatchSize()).isEqualTo(8);
    assertThat(c.inference().maxQueueDelayMicros()).isEqualTo(900);
  }

  @Test
  void shouldReadTheFfmpegLogLevelByFfmpegsNames() {
    assertThat(load(Map.of(), Map.of()).stages().ffmpegLogLevel()).isEqualTo(FfmpegLogLevel.ERROR);
    assertThat(load(Map.of("ASMNET_FFMPEG_LOG_LEVEL", "quiet"), Map.of()).stages().ffmpegLogLevel())
        .isEqualTo(FfmpegLogLevel.QUIET);
    assertThat(problemsOf(() -> load(Map.of(), Map.of("ffmpeg.log.level", "loud"))))
        .contains(
            "ffmpeg.log.level: 'loud' is not one of quiet, panic, fatal, error, warning, info, verbose, debug, trace");
  }

  @Test
  void shouldSelectAtLeastOnceAndCpu() {
    ProcessorConfig c =
        load(Map.of(), Map.of("processing.guarantee", "at_least_once", "inference.device", "cpu"));

    assertThat(c.kafka().processingGuarantee()).isEqualTo("at_least_once");
    assertThat(c.inference().device()).isEqualTo(InferenceDevice.CPU);
  }

  @Test
  void shouldPassKafkaSettingsThroughUnchanged() {
    ProcessorConfig c =
        load(
            Map.of("ASMNET_KAFKA_SASL_MECHANISM", "PLAIN"),
            Map.of(
                "security.protocol",
                "SASL_SSL",
                "kafka.ssl.truststore.location",
                "/etc/ts.jks",
                "commit.interval.ms",
                "50"));

    assertThat(c.kafka().passThrough())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("ssl.truststore.location", "/etc/ts.jks")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("commit.interval.ms", "50");
  }

  @Test
  void shouldIgnoreAsmnetVariablesThatAreNotSettings() {
    // The launcher's own variables, and what Kubernetes injects for a Service named "asmnet".
    Map<String, String> env =
        Map.of(
            "ASMNET_JAVA_OPTS",
            "-Xmx4g",
            "ASMNET_DATA_DIR",
            "/data",
            "ASMNET_SERVICE_HOST",
            "10.0.0.7",
            "ASMNET_SERVICE_PORT",
            "9464",
            "ASMNET_PORT",
            "tcp://10.0.0.7:9464",
            "ASMNET_PORT_9464_TCP_PROTO",
            "tcp",
            "ASMNET_MAX_BATCH_SIZE",
            "8",
            "ASMNET_SECURITY_PROTOCOL",
            "SSL");

    ProcessorConfig c = load(env, Map.of());

    assertThat(c.inference().maxBatchSize()).isEqualTo(8);
    assertThat(c.kafka().passThrough()).containsOnlyKeys("security.protocol");
  }

  @Test
  void shouldStillRefuseAnUnknownKeyGivenInAFileOrWithSet() throws IOException {
    Path file = Files.writeString(dir.resolve("p.properties"), "java.opts=-Xmx1g\n");

    assertThat(
            problemsOf(
                () -> ConfigLoader.load(file, Map.of(), Map.of("model.path", model.toString()))))
        .contains("java.opts: unknown setting");
    assertThat(problemsOf(() -> load(Map.of(), Map.of("service.host", "x"))))
        .contains("service.host: unknown setting");
  }

  @Test
  void shouldCheckKafkasOwnSettingsWithKafkasDefinitionsAllAtOnce() {
    String problems =
        problemsOf(
            () ->
                load(
                    Map.of(),
                    Map.of(
                        "commit.interval.ms",
                        "abc",
                        "kafka.security.protocol",
                        "BOGUS",
                        "producer.acks",
                        "maybe",
                        "consumer.max.poll.records",
                        "0")));

    assertThat(problems.lines()).hasSize(4);
    assertThat(problems)
        .contains("commit.interval.ms: Invalid value abc for configuration commit.interval.ms")
        .contains("security.protocol: Invalid value BOGUS")
        .contains("producer.acks: Invalid value maybe")
        .contains("consumer.max.poll.records: Invalid value 0");
  }

  @Test
  void shouldAcceptGoodKafkaSettings() {
    ProcessorConfig c =
        load(
            Map.of(),
            Map.of(
                "commit.interval.ms",
                "50",
                "producer.acks",
                "all",
                "main.consumer.fetch.max.bytes",
                "1048576",
                "security.protocol",
                "ssl"));

    assertThat(c.kafka().passThrough()).containsEntry("producer.acks", "all");
  }

  @Test
  void shouldRejectUnknownKeyByName() {
    assertThat(problemsOf(() -> load(Map.of(), Map.of("max.batch.sise", "4"))))
        .contains("max.batch.sise: unknown setting");
  }

  @Test
  void shouldSayWhenModelIsMissing() {
    assertThat(
            problemsOf(
                () -> load(Map.of(), Map.of("model.path", dir.resolve("nope.onnx").toString()))))
        .contains("model.path: model file")
        .contains("nope.onnx does not exist");
  }

  @Test
  void shouldSayWhenModelIsADirectory() {
    assertThat(problemsOf(() -> load(Map.of(), Map.of("model.path", dir.toString()))))
        .contains("is not a file");
  }

  @Test
  void shouldSayWhenModelIsUnreadable() throws IOException {
    Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(model)).as("root reads every file").isFalse();

    assertThat(problemsOf(() -> load(Map.of(), Map.of()))).contains("is not readable by this user");
  }

  @Test
  void shouldSayWhenBootstrapServersAreNotHostPort() {
    assertThat(
            problemsOf(() -> load(Map.of(), Map.of("bootstrap.servers", "broker1:9092,broker2"))))
        .contains("bootstrap.servers: 'broker2' is not host:port");
    assertThat(problemsOf(() -> load(Map.of(), Map.of("bootstrap.servers", "broker:99999"))))
        .contains("'broker:99999' is not host:port");
    assertThat(
            load(Map.of(), Map.of("bootstrap.servers", "a:1,b.example.com:9093,[::1]:9094"))
                .kafka()
                .bootstrapServers())
        .isEqualTo("a:1,b.example.com:9093,[::1]:9094");
  }

  @Test
  void shouldRejectNonsensicalBatchSettings() {
    assertThat(problemsOf(() -> load(Map.of(), Map.of("max.batch.size", "0"))))
        .contains("max.batch.size: 0 is out of range, use a value from 1 to 256");
    assertThat(problemsOf(() -> load(Map.of(), Map.of("max.queue.delay.us", "-1"))))
        .contains("max.queue.delay.us: -1 is out of range");
    assertThat(problemsOf(() -> load(Map.of(), Map.of("max.batch.size", "100000"))))
        .contains("out of range");
    assertThat(problemsOf(() -> load(Map.of(), Map.of("max.batch.size", "lots"))))
        .contains("max.batch.size: 'lots' is not a whole number");
  }

  @Test
  void shouldRejectUnknownGuaranteeAndDevice() {
    String problems =
        problemsOf(
            () ->
                load(
                    Map.of(),
                    Map.of("processing.guarantee", "exactly_once", "inference.device", "tpu")));

    assertThat(problems)
        .contains(
            "processing.guarantee: 'exactly_once' is not one of exactly_once_v2, at_least_once")
        .contains("inference.device: 'tpu' is not one of auto, cpu, cuda");
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(),
                    Map.of(
                        "max.batch.size",
                        "0",
                        "bootstrap.servers",
                        "x",
                        "topic.frames",
                        "bad topic")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
  }

  @Test
  void shouldSayWhenConfigFileIsMissing() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.properties"), Map.of(), Map.of()))
        .hasMessageContaining("none.properties does not exist");
  }
}
