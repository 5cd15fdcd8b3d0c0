package io.asmnet.cli.publish;

import io.asmnet.schemas.avro.Codec;
import java.util.Objects;

/**
 * How to read and encode a source.
 *
 * @param codec the codec of the published frames
 * @param jpegQuality 1 to 100, for JPEG
 * @param inputFormat FFmpeg input format to force ("v4l2", "rtsp", ...), or null to let FFmpeg
 *     guess ({@code /dev/video*} defaults to v4l2)
 * @param fps pictures per second of a folder of images (for its timestamps), and the rate asked of
 *     a webcam; 0 for the source's own
 */
public record SourceOptions(Codec codec, int jpegQuality, String inputFormat, double fps) {
  public SourceOptions {
    Objects.requireNonNull(codec, "codec");
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("JPEG quality must be 1 to 100: " + jpegQuality);
    }
    if (fps < 0 || Double.isNaN(fps)) {
      throw new IllegalArgumentException("fps must be 0 or positive: " + fps);
    }
  }

  /** JPEG at quality 90, formats guessed, the source's own rate. */
  public static SourceOptions defaults() {
    return new SourceOptions(Codec.JPEG, 90, null, 0);
  }
}
