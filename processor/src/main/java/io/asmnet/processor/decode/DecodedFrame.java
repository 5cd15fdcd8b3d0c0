package io.asmnet.processor.decode;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded frame: 8-bit BGR pixels, {@code height x width x 3}. The caller owns it and must close
 * it, which releases the native pixels.
 */
public record DecodedFrame(Mat bgr, int width, int height) implements AutoCloseable {
  public DecodedFrame {
    if (bgr == null || bgr.isNull()) {
      throw new IllegalArgumentException("bgr must be a live Mat");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
    }
  }

  @Override
  public void close() {
    bgr.close();
  }
}
