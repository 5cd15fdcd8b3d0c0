package io.asmnet.cli.clip;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** A black photo of a real photo's size with one white dot on one landmark (lossless PNG). */
final class PaintedPhoto {
  private static final int DOT_RADIUS = 4;
  private static final int BRIGHT = 200;

  private PaintedPhoto() {}

  /** Writes the painted photo; returns the face with that landmark rounded to the dot centre. */
  static LabelledFace write(LabelledFace face, int landmark, Path dir) throws IOException {
    DecodedImage real = ImageCache.decode(face.image());
    float[] lm = face.landmarks();
    int x = Math.round(lm[2 * landmark]);
    int y = Math.round(lm[2 * landmark + 1]);
    lm[2 * landmark] = x;
    lm[2 * landmark + 1] = y;
    Files.createDirectories(dir);
    Path png = dir.resolve("painted.png");
    try (PointerScope scope = new PointerScope()) {
      Mat photo = new Mat(real.height(), real.width(), CV_8UC3, new Scalar(0, 0, 0, 0));
      circle(photo, new Point(x, y), DOT_RADIUS, new Scalar(255, 255, 255, 0), FILLED, LINE_8, 0);
      if (!imwrite(png.toString(), photo)) {
        throw new IOException("cannot write " + png);
      }
    }
    return new LabelledFace(png, lm, face.pose(), face.subset());
  }

  /** Brightness-weighted centre {x, y} of the pixels brighter than the grey border. */
  static double[] findDot(Path image) throws IOException {
    try (PointerScope scope = new PointerScope()) {
      Mat grey = imread(image.toString(), IMREAD_GRAYSCALE);
      if (grey.empty()) {
        throw new IOException("cannot read " + image);
      }
      double sum = 0;
      double sx = 0;
      double sy = 0;
      try (UByteIndexer idx = grey.createIndexer()) {
        for (int y = 0; y < grey.rows(); y++) {
          for (int x = 0; x < grey.cols(); x++) {
            int v = idx.get(y, x);
            if (v > BRIGHT) {
              sum += v - BRIGHT;
              sx += (v - BRIGHT) * (double) x;
              sy += (v - BRIGHT) * (double) y;
            }
          }
        }
      }
      if (sum == 0) {
        throw new AssertionError("no dot visible in " + image);
      }
      return new double[] {sx / sum, sy / sum};
    }
  }
}
