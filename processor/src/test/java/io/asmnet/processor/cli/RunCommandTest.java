package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.infer.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicReference<ProcessorConfig> launched = new AtomicReference<>();
  private Path model;

  @BeforeEach
  void givenAModelFile() throws IOException {
    model = Files.write(dir.resolve("m.onnx"), new byte[] {1});
  }

  private int execute(RunCommand.Launcher launcher, Map<String, String> env, String... args) {
    CommandLine cmd =
        ProcessorCommand.commandLine(new RunCommand(env, new ProductionStages(), launcher));
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    cmd.getSubcommands().get("run").setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private int execute(String... args) {
    return execute(
        (config, stages) -> {
          launched.set(config);
          return 0;
        },
        Map.of(),
        args);
  }

  @Test
  void shouldExplainOptionsSettingsAndExitCodesInHelp() {
    int code = execute("run", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "--config=FILE",
            "--set=KEY=VALUE",
            "--bootstrap-servers",
            "--model=FILE",
            "ASMNET_MAX_BATCH_SIZE",
            "max.batch.size = 16",
            "max.queue.delay.us = 2000",
            "Exit codes:",
            "bad configuration",
            "--kafka-timeout=SECONDS",
            "topics.max.message.bytes = auto",
            "state.dir = ");
  }

  @Test
  void shouldListRunInTheRootHelp() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString()).contains("run");
  }

  @Test
  void shouldPassOptionsAndSetsIntoTheConfig() {
    int code =
        execute(
            "run",
            "--model",
            model.toString(),
            "--bootstrap-servers",
            "k1:9093,k2:9093",
            "--set",
            "max.batch.size=8",
            "--set",
            "sasl.mechanism=PLAIN");

    assertThat(code).isZero();
    ProcessorConfig c = launched.get();
    assertThat(c.inference().modelPath()).isEqualTo(model);
    assertThat(c.kafka().bootstrapServers()).isEqualTo("k1:9093,k2:9093");
    assertThat(c.inference().maxBatchSize()).isEqualTo(8);
    assertThat(c.kafka().passThrough()).containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void shouldLetOptionsWinOverTheEnvironment() {
    execute(
        (config, stages) -> {
          launched.set(config);
          return 0;
        },
        Map.of("ASMNET_MAX_BATCH_SIZE", "4", "ASMNET_NUM_STREAM_THREADS", "2"),
        "run",
        "--model",
        model.toString(),
        "--set",
        "max.batch.size=12");

    assertThat(launched.get().inference().maxBatchSize()).isEqualTo(12);
    assertThat(launched.get().kafka().numStreamThreads()).isEqualTo(2);
  }

  @Test
  void shouldTakeTheKafkaTimeoutAsBrokerTimeout() {
    assertThat(execute("run", "--model", model.toString(), "--kafka-timeout", "3")).isZero();
    assertThat(launched.get().kafka().brokerTimeout()).hasSeconds(3);
  }

  @Test
  void shouldExitWithOneAndOneLineWhenKafkaIsUnavailable() {
    int code =
        execute(
            (config, stages) -> {
              throw new KafkaUnavailableException(
                  "cannot reach the Kafka broker at k:9092 within 3 s", new RuntimeException("x"));
            },
            Map.of(),
            "run",
            "--model",
            model.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly("cannot reach the Kafka broker at k:9092 within 3 s");
  }

  @Test
  void shouldExitWithTwoAndNameTheSettingWhenTheConfigIsBad() {
    int code =
        execute(
            "run", "--model", dir.resolve("missing.onnx").toString(), "--set", "max.batch.size=0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "model.path: model file",
            "missing.onnx does not exist",
            "max.batch.size: 0 is out of range");
    assertThat(launched.get()).isNull();
  }

  @Test
  void shouldExitWithTwoWhenTheModelCannotBeUsed() {
    int code =
        execute(
            (config, stages) -> {
              throw new ModelLoadException("model m.onnx has no tensor 'image'");
            },
            Map.of(),
            "run",
            "--model",
            model.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no tensor 'image'");
  }

  @Test
  void shouldExitWithTwoNamingTheMissingKeysWhenTheModelHasNoCropContract() throws IOException {
    Path old =
        io.asmnet.processor.infer.ProbeOnnxModel.write(dir.resolve("old.onnx"), "image", Map.of());
    // The launch step that matters here: the app opens the landmark model before anything else.
    int code =
        execute(
            (config, stages) -> {
              io.asmnet.processor.infer.LandmarkModel.open(
                      config.inference().modelPath(),
                      io.asmnet.processor.config.InferenceDevice.CPU)
                  .close();
              return 0;
            },
            Map.of(),
            "run",
            "--model",
            old.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("old.onnx", "carries no crop contract", "asmnet.crop.margin", "stamp-contract");
  }

  @Test
  void shouldExitWithTwoWhenTheFaceDetectorCannotBeUsed() {
    int code =
        execute(
            (config, stages) -> {
              throw new io.asmnet.processor.ort.OrtLoadException(
                  "cannot load face detector /m/face.onnx: not a model");
            },
            Map.of(),
            "run",
            "--model",
            model.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("face detector /m/face.onnx");
  }

  @Test
  void shouldExitWithOneOnARuntimeFailure() {
    int code =
        execute(
            (config, stages) -> {
              throw new IllegalStateException("no FrameDecoder implementation is wired");
            },
            Map.of(),
            "run",
            "--model",
            model.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("processor failed: no FrameDecoder implementation is wired");
  }

  @Test
  void shouldPassTheLaunchersExitCodeThrough() {
    assertThat(execute((config, stages) -> 1, Map.of(), "run", "--model", model.toString()))
        .isEqualTo(1);
  }
}
