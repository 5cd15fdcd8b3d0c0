package io.asmnet.cli.replay;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

import io.asmnet.trainer.eval.Nme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A two-panel line chart of a replay drawn with OpenCV: NME per frame on top (with the 0.1 failure
 * line), latency per frame below, frame sequence along x. Gaps in a line are frames without a
 * value; frames without an event get a red tick on the x axis.
 */
final class ReportPlot {
  static final int WIDTH = 960;
  static final int HEIGHT = 600;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int PANEL_TOP_1 = 50;
  private static final int PANEL_TOP_2 = 330;
  private static final int PANEL_HEIGHT = 210;

  private ReportPlot() {}

  static void write(ReplayReport report, Path png) throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    List<FrameStat> series = report.series();
    try (PointerScope scope = new PointerScope()) {
      Mat canvas = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(255, 255, 255, 0));
      double nmeMax =
          niceCeil(Math.max(Nme.FAILURE_THRESHOLD * 1.2, max(series, FrameStat::meanNme)));
      double latencyMax = niceCeil(Math.max(1, max(series, FrameStat::latencyMs)));
      Panel nme = new Panel(canvas, PANEL_TOP_1, series.size(), nmeMax);
      nme.axes("NME per frame (mean over matched faces, outer-eye-corner normalised)", 3);
      nme.horizontal(Nme.FAILURE_THRESHOLD, "failure 0.1", rgb(150, 150, 150));
      nme.plot(series, FrameStat::meanNme, rgb(31, 119, 180));
      Panel latency = new Panel(canvas, PANEL_TOP_2, series.size(), latencyMax);
      latency.axes("latency per frame, ms from " + report.speed().latencyFrom(), 0);
      latency.plot(series, FrameStat::latencyMs, rgb(44, 160, 44));
      latency.xLabels(series);
      nme.missingTicks(series);
      latency.missingTicks(series);
      if (!imwrite(png.toString(), canvas)) {
        throw new IOException("OpenCV could not write " + png);
      }
    }
  }

  /** The next 1, 2 or 5 times a power of ten at or above v (v > 0), for round axis labels. */
  static double niceCeil(double v) {
    double power = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= v * (1 - 1e-9)) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static double max(List<FrameStat> series, Function<FrameStat, Double> value) {
    return series.stream()
        .map(value)
        .filter(v -> v != null && Double.isFinite(v))
        .mapToDouble(Double::doubleValue)
        .max()
        .orElse(0);
  }

  /** OpenCV colours are BGR. */
  private static Scalar rgb(int r, int g, int b) {
    return new Scalar(b, g, r, 0);
  }

  /** One chart area; native objects it makes belong to the caller's PointerScope. */
  private record Panel(Mat canvas, int top, int frames, double yMax) {

    int x(double sequence) {
      double span = Math.max(1, frames - 1);
      return (int) Math.round(LEFT + sequence / span * (WIDTH - LEFT - RIGHT));
    }

    int y(double value) {
      return (int) Math.round(top + PANEL_HEIGHT - Math.min(value, yMax) / yMax * PANEL_HEIGHT);
    }

    void axes(String title, int decimals) {
      int bottom = top + PANEL_HEIGHT;
      line(canvas, new Point(LEFT, top), new Point(LEFT, bottom), black(), 1, LINE_AA, 0);
      line(
          canvas,
          new Point(LEFT, bottom),
          new Point(WIDTH - RIGHT, bottom),
          black(),
          1,
          LINE_AA,
          0);
      text(title, LEFT, top - 14, 0.55);
      for (int i = 0; i <= 4; i++) {
        double v = yMax * i / 4;
        line(canvas, new Point(LEFT - 5, y(v)), new Point(LEFT, y(v)), black(), 1, LINE_AA, 0);
        if (i > 0) { // faint grid line
          line(
              canvas,
              new Point(LEFT + 1, y(v)),
              new Point(WIDTH - RIGHT, y(v)),
              grid(),
              1,
              LINE_AA,
              0);
        }
        text(ReportTable.number(v, decimals), 8, y(v) + 5, 0.45);
      }
    }

    void xLabels(List<FrameStat> series) {
      if (series.isEmpty()) {
        return;
      }
      int bottom = top + PANEL_HEIGHT;
      for (int i = 0; i <= 4; i++) {
        int index = (int) Math.round((series.size() - 1) * i / 4.0);
        int px = x(index);
        line(canvas, new Point(px, bottom), new Point(px, bottom + 5), black(), 1, LINE_AA, 0);
        text(Long.toString(series.get(index).sequence()), px - 10, bottom + 22, 0.45);
      }
      text("frame sequence", WIDTH / 2 - 60, bottom + 45, 0.5);
      putText(
          canvas,
          "red ticks: frames without an event",
          new Point(WIDTH - RIGHT - 290, bottom + 45),
          FONT_HERSHEY_SIMPLEX,
          0.45,
          rgb(214, 39, 40),
          1,
          LINE_AA,
          false);
    }

    void horizontal(double value, String label, Scalar colour) {
      line(
          canvas,
          new Point(LEFT, y(value)),
          new Point(WIDTH - RIGHT, y(value)),
          colour,
          1,
          LINE_AA,
          0);
      text(label, WIDTH - RIGHT - 110, y(value) - 6, 0.45);
    }

    void plot(List<FrameStat> series, Function<FrameStat, Double> value, Scalar colour) {
      Point previous = null;
      for (int i = 0; i < series.size(); i++) {
        Double v = value.apply(series.get(i));
        if (v == null || !Double.isFinite(v)) {
          previous = null; // a gap: no value for this frame
          continue;
        }
        Point p = new Point(x(i), y(v));
        if (previous != null) {
          line(canvas, previous, p, colour, 2, LINE_AA, 0);
        } else {
          circle(canvas, p, 2, colour, -1, LINE_AA, 0); // isolated points stay visible
        }
        previous = p;
      }
    }

    void missingTicks(List<FrameStat> series) {
      Scalar red = rgb(214, 39, 40);
      int bottom = top + PANEL_HEIGHT;
      for (int i = 0; i < series.size(); i++) {
        if (!series.get(i).delivered()) {
          line(canvas, new Point(x(i), bottom - 8), new Point(x(i), bottom), red, 2, LINE_AA, 0);
        }
      }
    }

    // Made per use, not kept in static fields: the caller's PointerScope releases them.
    private static Scalar black() {
      return new Scalar(0, 0, 0, 0);
    }

    private static Scalar grid() {
      return new Scalar(230, 230, 230, 0);
    }

    private void text(String s, int x, int y, double scale) {
      putText(canvas, s, new Point(x, y), FONT_HERSHEY_SIMPLEX, scale, black(), 1, LINE_AA, false);
    }
  }
}
