package io.asmnet.cli.consume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the {@link RenderSink} for an output path: {@code *.mp4} a video, else a PNG folder. */
public final class RenderSinks {
  private RenderSinks() {}

  /** Opens the sink for {@code out}; {@code fps} is the video's frame rate. */
  public static RenderSink open(Path out, double fps) throws IOException {
    if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")) {
      return new Mp4Sink(out, fps);
    }
    return new PngFolderSink(out);
  }
}
