package io.asmnet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.clip.StarterFaces;
import io.asmnet.processor.infer.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code asmnet bench model|detector|tables|train} at a tiny size: the tables they print, row by
 * row.
 */
class BenchCommandTest {
  private static final Pattern FIELD_LABEL = Pattern.compile("<[a-z]+[A-Z][A-Za-z]*>");
  private static final String NUMBER = "\\d+\\.\\d{2}";

  @Test
  void shouldListTheBenchmarksIncludingTheTrainersTrainingStep() {
    CliRun run = CliRun.of("bench", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: asmnet bench", "e2e", "model", "detector", "tables", "train");
    assertThat(CliRun.of("--help").out()).contains("bench");
    assertThat(CliRun.of("bench").exitCode()).isEqualTo(CommandFailure.USAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"e2e", "model", "detector", "tables", "train"})
  void shouldNameEveryValueInHelp(String command) {
    CliRun run = CliRun.of("bench", command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: asmnet bench " + command);
    assertThat(FIELD_LABEL.matcher(run.out()).find()).as(run.out()).isFalse();
  }

  @Test
  void shouldTakeProcessorSettingsAsSetNotAsOptionsOfTheirOwn() {
    String help = CliRun.of("bench", "e2e", "--help").out();

    assertThat(help)
        .contains("--set=KEY=VALUE", "num.stream.threads=2", "tracker.redetect.interval=10")
        .doesNotContain("--threads", "--max-batch", "--redetect", "--device");
    CliRun bad =
        CliRun.of(
            "bench",
            "e2e",
            "--set",
            "max.batch.size=0",
            "--data-dir",
            StarterFaces.cacheDir().toString());
    assertThat(bad.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(bad.err()).contains("max.batch.size");
  }

  @Test
  @Timeout(300)
  void shouldPrintOneRowPerBatchSize() {
    CliRun run =
        CliRun.of(
            "bench",
            "model",
            "--model",
            TestModels.require().toString(),
            "--sizes",
            "1,3",
            "--warmup",
            "1",
            "--runs",
            "3",
            "--seconds",
            "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("Model \\S+ \\S+ \\(.*\\) on cpu; 1-min load")
        .contains("| device | batch | runs | ms/batch p50 | ms/batch p95 | ms/face | faces/s |");
    List<String> rows = rows(run, "| cpu |");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .matches(
            "\\| cpu \\| 1 \\| 3 \\| "
                + NUMBER
                + " \\| "
                + NUMBER
                + " \\| "
                + NUMBER
                + " \\| \\d+\\.\\d \\|");
    assertThat(rows.get(1)).startsWith("| cpu | 3 | 3 | ");
  }

  @Test
  @Timeout(600)
  void shouldPrintBothDetectorsAndTheConfirmationAtBothFrameSizes() {
    CliRun run =
        CliRun.of(
            "bench", "detector", "--rounds", "1", "--data-dir", StarterFaces.cacheDir().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Face detectors on dlib's 9 photos fitted into each frame size, 1 passes");
    List<String> rows = rows(run, "| ");
    assertThat(rows).hasSize(7); // the header and six rows
    for (String size : List.of("640x480", "1920x1080")) {
      assertThat(rows)
          .anyMatch(r -> r.matches("\\| blazeface \\(cpu\\) \\| " + size + " \\| 9 \\| .*"));
      assertThat(rows)
          .anyMatch(r -> r.matches("\\| haar, detector.width 320 \\| " + size + " \\| 9 \\| .*"));
      assertThat(rows)
          .anyMatch(r -> r.startsWith("| short-range confirm, per face (cpu) | " + size + " | "));
    }
  }

  @Test
  @Timeout(300)
  void shouldRunTheTrainersStepBenchmarkAsBenchTrain() {
    CliRun run = CliRun.of("bench", "train", "--batch-sizes", "2", "--steps", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("machine: \\d+ cores")
        .containsPattern("batch 2: \\d+ ms per step")
        .containsPattern("export: \\d+ ms .*model \\d{7,} bytes");
  }

  @Test
  void shouldCallAMissingResultFileAUsageError(@TempDir Path dir) {
    CliRun run = CliRun.of("bench", "tables", dir.resolve("none.json").toString());

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("no such file");
  }

  private static List<String> rows(CliRun run, String prefix) {
    return run.outLines().stream()
        .filter(l -> l.startsWith(prefix) && !l.startsWith("|---"))
        .toList();
  }
}
