package io.asmnet.cli.replay;

import java.util.Locale;

/** Renders a {@link ReplayReport} as an aligned plain-text table. */
final class ReportTable {
  private static final String ROW = "%-28s %12s  %s";

  private ReportTable() {}

  static String render(ReplayReport r) {
    StringBuilder out = new StringBuilder();
    FrameCounts f = r.frames();
    Accuracy a = r.accuracy();
    Speed s = r.speed();
    row(out, "metric", "value", "unit");
    row(out, "-".repeat(28), "-".repeat(12), "-----");
    row(out, "frames in", count(f.framesIn()), "frames");
    row(out, "frames out", count(f.framesOut()), "frames");
    row(out, "missing frames", count(f.missingFrames()), "frames");
    row(out, "dead letters", count(f.deadLetters()), "records");
    row(out, "duplicate events", count(f.duplicateEvents()), "events");
    row(out, "unexpected events", count(f.unexpectedEvents()), "events");
    row(out, "true faces", count(a.trueFaces()), "faces");
    row(out, "found faces", count(a.foundFaces()), "faces");
    row(out, "extra faces", count(a.extraFaces()), "faces");
    row(out, "recall", number(a.recall(), 3), "");
    row(out, "NME mean", number(a.nmeMean(), 4), "of outer-eye-corner distance");
    row(out, "NME median", number(a.nmeMedian(), 4), "of outer-eye-corner distance");
    row(out, "failure rate (NME > 0.1)", number(a.failureRate(), 3), "");
    row(out, "roll MAE", number(a.rollMaeDeg(), 2), "deg (exact truth)");
    row(out, "yaw MAE", number(a.yawMaeDeg(), 2), "deg (label pose)");
    row(out, "pitch MAE", number(a.pitchMaeDeg(), 2), "deg (label pose)");
    row(out, "latency p50", number(s.p50Ms(), 1), "ms from " + s.latencyFrom());
    row(out, "latency p95", number(s.p95Ms(), 1), "ms from " + s.latencyFrom());
    row(out, "latency p99", number(s.p99Ms(), 1), "ms from " + s.latencyFrom());
    row(out, "duration", number(s.durationS(), 2), "s");
    row(out, "throughput", number(s.throughputFps(), 1), "frames/s");
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String value, String unit) {
    out.append(String.format(Locale.ROOT, ROW, label, value, unit).stripTrailing()).append('\n');
  }

  private static String count(long value) {
    return Long.toString(value);
  }

  /** A figure with fixed decimals, or "-" when it was not measured. */
  static String number(Double value, int decimals) {
    return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
