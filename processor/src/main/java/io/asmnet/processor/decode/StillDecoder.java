package io.asmnet.processor.decode;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.ErrorKind;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes one JPEG or PNG still to 8-bit BGR with OpenCV's {@code imdecode}. Stateless apart from
 * its limits; the size in the header is checked before decoding. Grey images come out as three
 * equal channels, alpha is dropped, 16-bit PNGs are scaled to 8 bits.
 */
public final class StillDecoder {
  private final DecodeLimits limits;

  public StillDecoder(DecodeLimits limits) {
    this.limits = limits;
  }

  /**
   * @param declared the codec the frame claims; it must match the payload's magic bytes
   * @throws DecodeException CORRUPT_PAYLOAD (not an image of the declared codec, truncated,
   *     undecodable) or OVERSIZED (header declares more than {@link DecodeLimits#maxPixels()})
   */
  public DecodedFrame decode(byte[] payload, Codec declared) throws DecodeException {
    StillHeader header = StillHeader.read(payload);
    if (header.codec() != declared) {
      throw new DecodeException(
          ErrorKind.CORRUPT_PAYLOAD,
          "frame declares " + declared + " but its payload is a " + header.codec());
    }
    if (!limits.allows(header.width(), header.height())) {
      throw new DecodeException(
          ErrorKind.OVERSIZED,
          header.codec()
              + " of "
              + header.width()
              + "x"
              + header.height()
              + " exceeds the limit of "
              + limits.maxPixels()
              + " pixels");
    }
    if (header.codec() == Codec.JPEG && !StillHeader.jpegHasEnd(payload)) {
      throw new DecodeException(
          ErrorKind.CORRUPT_PAYLOAD, "JPEG is truncated: no end-of-image marker after its data");
    }
    Mat bgr;
    try (Mat encoded = new Mat(1, payload.length, CV_8UC1)) {
      encoded.data().put(payload);
      bgr = imdecode(encoded, IMREAD_COLOR);
    } catch (RuntimeException e) { // OpenCV reports codec errors as cv::Exception
      throw new DecodeException(
          ErrorKind.CORRUPT_PAYLOAD,
          header.codec() + " could not be decoded: " + e.getMessage(),
          e);
    }
    if (bgr.empty() || bgr.cols() != header.width() || bgr.rows() != header.height()) {
      String got = bgr.empty() ? "nothing" : bgr.cols() + "x" + bgr.rows();
      bgr.close();
      throw new DecodeException(
          ErrorKind.CORRUPT_PAYLOAD,
          header.codec()
              + " could not be decoded (header says "
              + header.width()
              + "x"
              + header.height()
              + ", decoder returned "
              + got
              + ")");
    }
    return new DecodedFrame(bgr, bgr.cols(), bgr.rows());
  }
}
