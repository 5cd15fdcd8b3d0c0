package io.asmnet.trainer.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.asmnet.trainer.data.MeanFace3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test helper: a dlib imglab XML of synthetic "faces" (grey PNG photos with a white dot on every
 * landmark of the mean face, placed and scaled at random), read by the real loader and cropper.
 */
final class SyntheticFaceSet {
  private SyntheticFaceSet() {}

  /** Writes {@code faces} photos and {@code name}.xml into {@code dir}; returns the XML. */
  static Path write(Path dir, String name, int faces, long seed) throws IOException {
    Random rng = new Random(seed);
    double[] xyz = MeanFace3d.points();
    StringBuilder xml =
        new StringBuilder("<?xml version='1.0' encoding='ISO-8859-1'?>\n<dataset>\n<images>\n");
    for (int f = 0; f < faces; f++) {
      int width = 320;
      int height = 240;
      double scale = 0.8 + 0.4 * rng.nextDouble();
      double dx = 140 + 40 * rng.nextDouble();
      double dy = 100 + 30 * rng.nextDouble();
      byte[] bgr = new byte[width * height * 3];
      java.util.Arrays.fill(bgr, (byte) (60 + rng.nextInt(60)));
      String photo = name + "-" + f + ".png";
      xml.append("  <image file='")
          .append(photo)
          .append("'>\n    <box top='0' left='0' width='10' height='10'>\n");
      for (int i = 0; i < MeanFace3d.POINTS; i++) {
        int x = (int) Math.round(xyz[3 * i] * scale + dx);
        int y = (int) Math.round(xyz[3 * i + 1] * scale + dy);
        dot(bgr, width, height, x, y);
        xml.append(String.format("      <part name='%02d' x='%d' y='%d'/>%n", i, x, y));
      }
      xml.append("    </box>\n  </image>\n");
      try (PointerScope scope = new PointerScope()) {
        if (!imwrite(
            dir.resolve(photo).toString(), new Mat(height, width, CV_8UC3, new BytePointer(bgr)))) {
          throw new IllegalStateException("imwrite failed: " + photo);
        }
      }
    }
    return Files.writeString(
        dir.resolve(name + ".xml"), xml.append("</images>\n</dataset>\n").toString());
  }

  private static void dot(byte[] bgr, int width, int height, int cx, int cy) {
    for (int v = cy - 1; v <= cy + 1; v++) {
      for (int u = cx - 1; u <= cx + 1; u++) {
        if (u >= 0 && v >= 0 && u < width && v < height) {
          int p = (v * width + u) * 3;
          bgr[p] = bgr[p + 1] = bgr[p + 2] = (byte) 255;
        }
      }
    }
  }
}
