package io.asmnet.trainer.teacher;

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

/**
 * FaceMesh's region of interest: an upright square of {@code side} photo pixels centred on (cx,
 * cy), which the network sees resized to {@link FaceMesh#SIZE}. The rule the teacher uses
 * everywhere (learning the mapping, labelling): the square around the centre of the 68-point box
 * whose side is {@value #ENLARGE} times the box's longer side, as MediaPipe enlarges its detector
 * box by 1.5.
 */
public record MeshCrop(double cx, double cy, double side) {
  /** Crop side over the longer side of the 68-point box. */
  public static final double ENLARGE = 1.5;

  public MeshCrop {
    if (!(side > 0) || !Double.isFinite(cx) || !Double.isFinite(cy)) {
      throw new IllegalArgumentException("bad crop " + cx + "," + cy + " side " + side);
    }
  }

  /** The bounding box of interleaved points x0, y0, x1, y1, ...: {minX, minY, maxX, maxY}. */
  static float[] bounds(float[] xy) {
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (int i = 0; i < xy.length; i += 2) {
      minX = Math.min(minX, xy[i]);
      maxX = Math.max(maxX, xy[i]);
      minY = Math.min(minY, xy[i + 1]);
      maxY = Math.max(maxY, xy[i + 1]);
    }
    return new float[] {minX, minY, maxX, maxY};
  }

  /** The teacher's crop around interleaved points (the 68 landmarks). */
  public static MeshCrop aroundPoints(float[] xy) {
    float[] b = bounds(xy);
    float minX = b[0];
    float minY = b[1];
    float maxX = b[2];
    float maxY = b[3];
    double side = ENLARGE * Math.max(Math.max(maxX - minX, maxY - minY), 1);
    return new MeshCrop((minX + maxX) / 2.0, (minY + maxY) / 2.0, side);
  }

  /**
   * The crop as FaceMesh's input: size x size x 3, RGB, values in [0, 1], black outside the photo,
   * bilinear (pixel centres: crop (u + 0.5) = s (photo (x + 0.5) - x0)).
   */
  public float[] nhwc(DecodedImage photo, int size) {
    return nhwc(photo, size, 0f, 1f);
  }

  /** As {@link #nhwc(DecodedImage, int)} with RGB values mapped from 0..255 to lo..hi. */
  public float[] nhwc(DecodedImage photo, int size, float lo, float hi) {
    double s = size / side;
    double x0 = cx - side / 2;
    double y0 = cy - side / 2;
    byte[] bgr = new byte[size * size * 3];
    try (PointerScope scope = new PointerScope()) {
      Mat src = new Mat(photo.height(), photo.width(), CV_8UC3, new BytePointer(photo.bgr()));
      double[] m = {s, 0, -s * x0 + 0.5 * s - 0.5, 0, s, -s * y0 + 0.5 * s - 0.5};
      Mat matrix = new Mat(2, 3, CV_64F, new DoublePointer(m));
      Mat dst = new Mat();
      warpAffine(
          src, dst, matrix, new Size(size, size), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0.0));
      dst.data().get(bgr);
    }
    float[] rgb = new float[bgr.length];
    for (int p = 0; p < size * size; p++) {
      for (int c = 0; c < 3; c++) {
        rgb[3 * p + c] = lo + (hi - lo) * (bgr[3 * p + 2 - c] & 0xff) / 255f;
      }
    }
    return rgb;
  }

  /** Photo pixels per crop pixel at the given input size. */
  public double scale(int size) {
    return side / size;
  }

  /** Left edge of the square in photo pixels. */
  public double x0() {
    return cx - side / 2;
  }

  /** Top edge of the square in photo pixels. */
  public double y0() {
    return cy - side / 2;
  }
}
