package io.asmnet.cli.demo;

import io.asmnet.cli.replay.ReplayListener;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.JsonRendering;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints each pose event as it arrives: one compact line (camera, sequence, faces, the first face's
 * yaw/pitch/roll in degrees, latency from publishing in ms), or the full event as a JSON line, or
 * nothing.
 */
final class EventPrinter implements ReplayListener {
  /** How events are shown. */
  enum Style {
    COMPACT,
    JSON,
    NONE
  }

  private final PrintWriter out;
  private final Style style;

  EventPrinter(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  @Override
  public void onEvent(PoseEvent event, Long publishedMs) {
    if (style == Style.NONE) {
      return;
    }
    out.println(style == Style.JSON ? JsonRendering.toJson(event) : compact(event, publishedMs));
    out.flush();
  }

  /** {@code cam-1 #12 faces 1 yaw +3.1 pitch -2.0 roll +0.4 latency 85 ms}. */
  static String compact(PoseEvent event, Long publishedMs) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s  #%-5d faces %d",
                event.getCameraId(),
                event.getSequence(),
                event.getFaces().size()));
    if (!event.getFaces().isEmpty()) {
      Face face = event.getFaces().get(0);
      line.append(
          String.format(
              Locale.ROOT,
              "  yaw %+6.1f  pitch %+6.1f  roll %+6.1f",
              face.getYaw(),
              face.getPitch(),
              face.getRoll()));
    } else {
      line.append(" ".repeat(39));
    }
    long from = publishedMs != null ? publishedMs : event.getCaptureTimeMs();
    line.append(String.format(Locale.ROOT, "  latency %5d ms", event.getProcessedTimeMs() - from));
    return line.toString();
  }
}
