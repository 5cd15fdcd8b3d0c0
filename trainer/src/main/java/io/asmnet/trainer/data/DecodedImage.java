package io.asmnet.trainer.data;

/**
 * A decoded photo kept on the Java heap (no native handle to own).
 *
 * @param width pixels
 * @param height pixels
 * @param bgr width x height x 3 bytes, BGR, row-major
 */
public record DecodedImage(int width, int height, byte[] bgr) {
  public DecodedImage {
    if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
      throw new IllegalArgumentException(
          "bad image buffer: " + width + "x" + height + " with " + bgr.length + " bytes");
    }
  }
}
