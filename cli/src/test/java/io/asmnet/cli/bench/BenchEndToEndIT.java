package io.asmnet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.clip.StarterFaces;
import io.asmnet.processor.infer.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asmnet bench e2e} at a tiny size, as {@code bin/bench e2e} runs it (its own local broker,
 * the processor in-process): every frame's event comes back, and the tables have their rows.
 */
@Tag("integration")
class BenchEndToEndIT {

  @Test
  @Timeout(900)
  void shouldMeasureAJpegAndAnH264ScenarioAndTabulateThemTogether(@TempDir Path dir)
      throws Exception {
    // given two scenarios of 2 cameras x 3 frames, one with a setting of --set
    Path jpeg = dir.resolve("jpeg-track.json");
    Path h264 = dir.resolve("h264-detect.json");
    CliRun first = e2e("jpeg-track", jpeg, "--set", "max.batch.size=4");
    CliRun second = e2e("h264-detect", h264);

    // then each printed its scenario with every event, its settings and its three tables
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains(
            "## jpeg-track: 2 cameras x 3 JPEG 640x480 q90",
            "threads=2 partitions=2 max.batch.size=4 max.queue.delay.us=2000 tracker.redetect.interval=10 fps/camera=max device=cpu");
    assertThat(row(first, "| jpeg-track |", 0)).startsWith("| jpeg-track | 6/6 | ");
    assertThat(row(first, "| jpeg-track |", 0).split("\\|")).hasSize(12);
    assertThat(row(first, "| jpeg-track |", 1).split("\\|")).hasSize(8); // the six stages
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out())
        .contains(
            "## h264-detect: 2 cameras x H.264 clip 640x480, 3 frames",
            "tracker.redetect.interval=1 ");
    assertThat(row(second, "| h264-detect |", 0))
        .startsWith("| h264-detect | 6/6 | ")
        .contains("| 0% | 100% |");
    assertThat(Files.size(jpeg)).isPositive();

    // when both results are tabulated together
    CliRun tables = CliRun.of("bench", "tables", jpeg.toString(), h264.toString());

    // then
    assertThat(tables.exitCode()).as(tables.err()).isZero();
    assertThat(tables.outLines()).filteredOn(l -> l.startsWith("- ")).hasSize(2);
    assertThat(tables.outLines()).filteredOn(l -> l.startsWith("| jpeg-track | 6/6 |")).hasSize(1);
    assertThat(tables.outLines()).filteredOn(l -> l.startsWith("| h264-detect | 6/6 |")).hasSize(1);
  }

  private static CliRun e2e(String scenario, Path json, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "bench",
                "e2e",
                "--scenario",
                scenario,
                "--frames",
                "6",
                "--cameras",
                "2",
                "--warmup",
                "1",
                "--timeout",
                "240",
                "--json",
                json.toString(),
                "--data-dir",
                StarterFaces.cacheDir().toString(),
                "--set",
                "model.path=" + TestModels.require()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /**
   * The {@code n}-th line (0-based) starting with {@code prefix}: the main table's, then the
   * stages'.
   */
  private static String row(CliRun run, String prefix, int n) {
    return run.outLines().stream()
        .filter(l -> l.startsWith(prefix))
        .skip(n)
        .findFirst()
        .orElseThrow();
  }
}
