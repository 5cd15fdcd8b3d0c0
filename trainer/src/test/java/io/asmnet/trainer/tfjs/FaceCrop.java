package io.asmnet.trainer.tfjs;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.asmnet.trainer.data.DecodedImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Test helper: a square region of a photo, resized, as an NHWC RGB float tensor. */
public record FaceCrop(double x0, double y0, double side, int size, float[] nhwc) {
  /**
   * The square of {@code side} photo pixels centred on (cx, cy), resized to size x size
   * (bilinear, black outside the photo), RGB values mapped from 0..255 to lo..hi.
   */
  public static FaceCrop of(DecodedImage photo, double cx, double cy, double side, int size, float lo, float hi) {
    double s = size / side;
    double x0 = cx - side / 2;
    double y0 = cy - side / 2;
    byte[] bgr = new byte[size * size * 3];
    try (PointerScope scope = new PointerScope()) {
      Mat src = new Mat(photo.height(), photo.width(), CV_8UC3, new BytePointer(photo.bgr()));
      // pixel centres: dst (u + 0.5) = s * (src (x + 0.5) - x0)
      double[] m = {s, 0, -s * x0 + 0.5 * s - 0.5, 0, s, -s * y0 + 0.5 * s - 0.5};
      Mat matrix = new Mat(2, 3, CV_64F, new DoublePointer(m));
      Mat dst = new Mat();
      warpAffine(src, dst, matrix, new Size(size, size), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0.0));
      dst.data().get(bgr);
    }
    float[] rgb = new float[bgr.length];
    for (int p = 0; p < size * size; p++) {
      for (int c = 0; c < 3; c++) {
        rgb[3 * p + c] = lo + (hi - lo) * (bgr[3 * p + 2 - c] & 0xff) / 255f;
      }
    }
    return new FaceCrop(x0, y0, side, size, rgb);
  }

  /** Crop pixel coordinates back to photo pixels. */
  public double[] toPhoto(double u, double v) {
    return new double[] {x0 + u * side / size, y0 + v * side / size};
  }
}
