package io.asmnet.cli.replay;

import static io.asmnet.cli.replay.Fixtures.event;
import static io.asmnet.cli.replay.Fixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.asmnet.cli.clip.GroundTruth;
import io.asmnet.schemas.avro.PoseEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayReportTest {
  @TempDir Path dir;

  /** 40 frames; frames 10-14 missing; points 2-8 px off, growing; latency 20-59 ms. */
  private static ReplayReport sample() {
    GroundTruth truth = truth(40);
    List<PoseEvent> events = new ArrayList<>();
    Map<Long, Long> published = new HashMap<>();
    for (long k = 0; k < 40; k++) {
      published.put(k, 1_000 + 33 * k);
      if (k < 10 || k >= 15) {
        float shift = 2 + 6 * k / 39f;
        events.add(event(truth, k, shift, 0, 0, 1_000 + 33 * k + 20 + k));
      }
    }
    return new ReplayScorer().score(new ReplayInput(truth, events, 1, published));
  }

  @Test
  void shouldPrintEveryFigureInAlignedRows() {
    ReplayReport report = sample();

    String table = report.table();

    assertThat(table)
        .contains("frames in")
        .contains("40")
        .contains("missing frames")
        .contains("dead letters")
        .contains("recall")
        .contains("1.000")
        .contains(ReportTable.number(report.accuracy().nmeMean(), 4))
        .contains(ReportTable.number(report.speed().p95Ms(), 1))
        .contains("throughput");
    List<String> lines = table.lines().toList();
    int valueEnd = lines.get(0).indexOf("value") + "value".length();
    for (String line : lines) {
      assertThat(line.length()).isGreaterThanOrEqualTo(valueEnd);
      assertThat(line.charAt(valueEnd - 1)).as(line).isNotEqualTo(' ');
      if (line.length() > valueEnd) { // rows without a unit end at the value
        assertThat(line.charAt(valueEnd)).as(line).isEqualTo(' ');
      }
    }
  }

  @Test
  void shouldReadBackItsOwnJson() throws IOException {
    ReplayReport report = sample();

    ReplayReport back = ReplayReport.fromJson(report.toJson());

    assertThat(back).isEqualTo(report);
    assertThat(report.toJson()).contains("\"nmeMean\"").contains("\"series\"");
  }

  @Test
  void shouldRejectJsonThatIsNoReport() {
    assertThatThrownBy(() -> ReplayReport.fromJson("{\"frames\": 3}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a replay report");
  }

  @Test
  void shouldRoundAxisMaximaUpToOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(ReportPlot.niceCeil(0.113)).isCloseTo(0.2, within(1e-12));
    assertThat(ReportPlot.niceCeil(59)).isCloseTo(100, within(1e-9));
    assertThat(ReportPlot.niceCeil(0.05)).isCloseTo(0.05, within(1e-12));
    assertThat(ReportPlot.niceCeil(3.1)).isCloseTo(5, within(1e-12));
  }

  @Test
  void shouldWriteAPlotOfTheClipSize() throws IOException {
    Path png = dir.resolve("plots/replay.png");

    sample().writePlot(png);

    assertThat(png).isRegularFile();
    assertThat(Files.size(png)).isPositive();
    try (Mat image = imread(png.toString())) {
      assertThat(image.cols()).isEqualTo(ReportPlot.WIDTH);
      assertThat(image.rows()).isEqualTo(ReportPlot.HEIGHT);
    }
  }
}
