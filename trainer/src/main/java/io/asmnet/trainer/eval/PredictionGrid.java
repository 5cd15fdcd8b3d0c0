package io.asmnet.trainer.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import io.asmnet.trainer.data.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A PNG contact sheet for eyeballing a model: crops in a grid, true points green, predicted points
 * red (drawn last, so a perfect prediction shows red dots).
 */
public final class PredictionGrid {
  /** BGR of the true points (green). */
  private static final int[] TRUE_BGR = {0, 200, 0};

  /** BGR of the predicted points (red). */
  private static final int[] PREDICTED_BGR = {0, 0, 255};

  private PredictionGrid() {}

  /**
   * @param png output file (parent folders are created)
   * @param samples the crops with true points
   * @param predictions one per sample, same order
   * @param columns tiles per row; at most columns x rows = samples are drawn
   */
  public static void write(
      Path png, List<Sample> samples, List<Prediction> predictions, int columns)
      throws IOException {
    if (samples.isEmpty() || samples.size() != predictions.size() || columns <= 0) {
      throw new IllegalArgumentException("need as many predictions as samples, and columns > 0");
    }
    int size = Sample.SIZE;
    int cols = Math.min(columns, samples.size());
    int rows = (samples.size() + cols - 1) / cols;
    Files.createDirectories(png.toAbsolutePath().getParent());
    try (PointerScope scope = new PointerScope()) {
      Mat sheet = new Mat(rows * size, cols * size, CV_8UC3, new Scalar(0, 0, 0, 0));
      for (int i = 0; i < samples.size(); i++) {
        Mat tile = new Mat(sheet, new Rect((i % cols) * size, (i / cols) * size, size, size));
        Mat crop = new Mat(size, size, CV_8UC3, new BytePointer(samples.get(i).bgr()));
        crop.copyTo(tile);
        drawPoints(tile, samples.get(i).landmarks(), TRUE_BGR);
        drawPoints(tile, predictions.get(i).landmarks(), PREDICTED_BGR);
      }
      if (!imwrite(png.toString(), sheet)) {
        throw new IOException("OpenCV could not write " + png);
      }
    }
  }

  /** Called inside the caller's PointerScope, which releases the Scalar and Points. */
  private static void drawPoints(Mat tile, float[] xy, int[] bgr) {
    Scalar colour = new Scalar(bgr[0], bgr[1], bgr[2], 0);
    for (int i = 0; i < xy.length; i += 2) {
      circle(
          tile, new Point(Math.round(xy[i]), Math.round(xy[i + 1])), 2, colour, FILLED, LINE_AA, 0);
    }
  }
}
