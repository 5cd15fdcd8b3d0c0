package io.asmnet.cli.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a replay: delivery, accuracy and speed, plus one {@link FrameStat} per clip frame
 * (in sequence order) for plots. Rendered for people ({@link #table()}), for machines ({@link
 * #toJson()}, read back with {@link #fromJson(String)}) and as a PNG chart ({@link
 * #writePlot(Path)}).
 */
public record ReplayReport(
    FrameCounts frames, Accuracy accuracy, Speed speed, List<FrameStat> series) {
  public ReplayReport {
    if (frames == null || accuracy == null || speed == null || series == null) {
      throw new IllegalArgumentException("frames, accuracy, speed and series are required");
    }
    series = List.copyOf(series);
  }

  /** A fixed-width table: one figure per line, label left, value right-aligned, then unit. */
  public String table() {
    return ReportTable.render(this);
  }

  /** Indented JSON of every field, the series included; null for figures not measured. */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @throws IOException when the text is not such a report
   */
  public static ReplayReport fromJson(String json) throws IOException {
    return ReportJson.read(json);
  }

  /**
   * Draws per-frame NME (top) and latency (bottom) over the clip into a PNG (parent folders are
   * created); frames without an event are marked red on the time axis.
   *
   * @throws IOException when the file cannot be written
   */
  public void writePlot(Path png) throws IOException {
    ReportPlot.write(this, png);
  }
}
