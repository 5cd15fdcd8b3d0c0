package io.asmnet.cli.publish;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes each BGR picture as a JPEG (with a quality from 1 to 100) or PNG with OpenCV's {@code
 * imencode}. Holds no native state between calls.
 */
public final class StillEncoder implements PictureEncoder {
  private final Codec codec;
  private final int jpegQuality;

  /**
   * @param codec JPEG or PNG
   * @param jpegQuality 1 (smallest) to 100 (best); ignored for PNG
   */
  public StillEncoder(Codec codec, int jpegQuality) {
    if (codec == Codec.H264) {
      throw new IllegalArgumentException("StillEncoder writes JPEG or PNG, not H264");
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("JPEG quality must be 1 to 100: " + jpegQuality);
    }
    this.codec = codec;
    this.jpegQuality = jpegQuality;
  }

  @Override
  public Codec codec() {
    return codec;
  }

  @Override
  public List<EncodedFrame> encode(Mat bgr, long timestampMicros) throws IOException {
    return List.of(encodeOne(bgr, timestampMicros));
  }

  /** Encodes an 8-bit BGR (or grey) picture; its timestamp is {@code timestampMicros}. */
  public EncodedFrame encodeOne(Mat bgr, long timestampMicros) throws IOException {
    String extension = codec == Codec.JPEG ? ".jpg" : ".png";
    // PNG level 1: about as small as the default 3 on camera pictures, several times faster.
    int[] params =
        codec == Codec.JPEG
            ? new int[] {IMWRITE_JPEG_QUALITY, jpegQuality}
            : new int[] {IMWRITE_PNG_COMPRESSION, 1};
    try (BytePointer out = new BytePointer();
        IntPointer settings = new IntPointer(params)) {
      if (!imencode(extension, bgr, out, settings)) {
        throw new IOException(
            "OpenCV could not encode a " + bgr.cols() + "x" + bgr.rows() + " picture as " + codec);
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return new EncodedFrame(bytes, codec, bgr.cols(), bgr.rows(), true, timestampMicros);
    }
  }
}
