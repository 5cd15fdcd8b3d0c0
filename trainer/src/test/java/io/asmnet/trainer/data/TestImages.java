package io.asmnet.trainer.data;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test helper: synthetic photos written as PNG (lossless), never real faces. */
final class TestImages {
  private TestImages() {}

  /** A uniform photo with a white square of half-size r centred on (x, y), or none if r < 0. */
  static Path write(Path file, int width, int height, int grey, float x, float y, int r) {
    byte[] bgr = new byte[width * height * 3];
    java.util.Arrays.fill(bgr, (byte) grey);
    int cx = Math.round(x);
    int cy = Math.round(y);
    for (int v = cy - r; v <= cy + r && r >= 0; v++) {
      for (int u = cx - r; u <= cx + r; u++) {
        if (u >= 0 && v >= 0 && u < width && v < height) {
          int p = (v * width + u) * 3;
          bgr[p] = bgr[p + 1] = bgr[p + 2] = (byte) 255;
        }
      }
    }
    try (PointerScope scope = new PointerScope()) {
      Mat mat = new Mat(height, width, CV_8UC3, new BytePointer(bgr));
      if (!imwrite(file.toString(), mat)) {
        throw new IllegalStateException("imwrite failed: " + file);
      }
    }
    return file;
  }

  /** The mean face's x, y scaled and shifted into a photo. */
  static float[] meanFace(float scale, float dx, float dy) {
    double[] xyz = MeanFace3d.points();
    float[] p = new float[136];
    for (int i = 0; i < 68; i++) {
      p[2 * i] = (float) (xyz[3 * i] * scale + dx);
      p[2 * i + 1] = (float) (xyz[3 * i + 1] * scale + dy);
    }
    return p;
  }

  /** Centroid (x, y) of crop pixels brighter than 128 in every channel. */
  static double[] brightCentroid(byte[] bgr, int size) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int p = (y * size + x) * 3;
        if ((bgr[p] & 0xff) > 128 && (bgr[p + 1] & 0xff) > 128 && (bgr[p + 2] & 0xff) > 128) {
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    return n == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {sx / n, sy / n};
  }
}
