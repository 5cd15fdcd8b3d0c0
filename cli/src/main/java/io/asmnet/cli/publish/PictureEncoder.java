package io.asmnet.cli.publish;

import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes decoded pictures for publishing: a still per picture ({@link StillEncoder}) or an H.264
 * stream ({@link H264Encoder}), which may hold pictures back and so returns zero or more frames per
 * call and the rest from {@link #finish()}. Owns its native state; close it.
 */
public interface PictureEncoder extends AutoCloseable {

  /** The codec of the frames it returns. */
  Codec codec();

  /**
   * Encodes one 8-bit BGR picture.
   *
   * @param timestampMicros the picture's time from the start of the source, microseconds
   * @return the frames ready now, in order (possibly none)
   */
  List<EncodedFrame> encode(Mat bgr, long timestampMicros) throws IOException;

  /** The frames still held back, at the end of the source. */
  default List<EncodedFrame> finish() throws IOException {
    return List.of();
  }

  @Override
  default void close() {}

  /**
   * The encoder for {@code options}: JPEG or PNG stills, or H.264 at {@code options.fps()}, else
   * {@code sourceFps}, else 25 pictures per second.
   */
  static PictureEncoder of(SourceOptions options, double sourceFps) throws IOException {
    double fps = options.fps() > 0 ? options.fps() : sourceFps > 0 ? sourceFps : 25;
    return switch (options.codec()) {
      case JPEG, PNG -> new StillEncoder(options.codec(), options.jpegQuality());
      case H264 -> new H264Encoder(fps, H264Encoder.DEFAULT_GOP, H264Encoder.DEFAULT_BITRATE);
    };
  }
}
