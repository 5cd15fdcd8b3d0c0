package io.asmnet.cli.replay;

import io.asmnet.cli.CommandFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints a replay report and writes its JSON and plot where asked. */
public final class ReportOutput {
  private ReportOutput() {}

  /**
   * Prints {@link ReplayReport#table()} to {@code out}; writes the JSON and the PNG when their
   * paths are not null, and says where.
   *
   * @throws CommandFailure when a file cannot be written
   */
  public static void write(ReplayReport report, PrintWriter out, Path json, Path png) {
    out.println(report.table());
    try {
      if (json != null) {
        Path parent = json.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(json, report.toJson());
        out.println("report JSON: " + json);
      }
      if (png != null) {
        report.writePlot(png);
        out.println("plot:        " + png);
      }
    } catch (IOException e) {
      throw CommandFailure.error("cannot write the report: " + e.getMessage(), e);
    }
    out.flush();
  }
}
