package io.asmnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trainer's commands, as asmnet lists them, speak like the streaming commands. */
class TrainerCommandsTest {
  // picocli's fallback label is the field name: <batchSize>, <imageCacheMb>.
  private static final Pattern FIELD_LABEL = Pattern.compile("<[a-z]+[A-Z][A-Za-z]*>");

  @ParameterizedTest
  @ValueSource(strings = {"train", "eval", "export", "import-tfjs", "fetch-data", "bench train"})
  void shouldNameValuesAndTheToolAsAsmnetDoes(String command) {
    CliRun run = CliRun.of((command + " --help").split(" "));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: asmnet " + command + " ");
    assertThat(FIELD_LABEL.matcher(run.out()).find()).as(run.out()).isFalse();
    assertThat(run.out()).doesNotContain("'trainer ");
  }

  @Test
  void shouldCallAMissingModelAUsageErrorNotAnOrtException() {
    CliRun run = CliRun.of("eval", "--model", "/no/such/model.onnx");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err())
        .contains("--model: no such file: /no/such/model.onnx")
        .doesNotContain("OrtException");
  }

  @Test
  void shouldCallAMissingCheckpointAUsageError(@TempDir Path dir) {
    CliRun eval = CliRun.of("eval", "--checkpoint", dir.resolve("none").toString());
    CliRun export =
        CliRun.of(
            "export",
            "--checkpoint",
            dir.resolve("none").toString(),
            "--out",
            dir.resolve("m.onnx").toString());

    assertThat(eval.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(eval.err()).contains("--checkpoint: no such folder: " + dir.resolve("none"));
    assertThat(export.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(Files.exists(dir.resolve("m.onnx"))).isFalse();
  }

  @Test
  void shouldCallAMissingTfjsModelAUsageError(@TempDir Path dir) {
    CliRun run =
        CliRun.of(
            "import-tfjs",
            dir.resolve("model.json").toString(),
            "--out",
            dir.resolve("m.onnx").toString());

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("no such file");
  }
}
