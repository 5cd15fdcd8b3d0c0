package io.asmnet.processor.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * dlib's labelled photos transformed (turned, enlarged into a big frame) with their landmarks moved
 * exactly.
 */
public final class PhotoViews {
  private PhotoViews() {}

  /**
   * A photo as the detector sees it: the image (the caller closes it) and each labelled face's
   * landmarks.
   */
  public record View(Mat image, List<float[]> landmarks) {}

  /** The photo turned about its centre on a canvas large enough to keep every corner. */
  public static View turned(DlibExamples.Photo p, double degrees) {
    try (Mat image = imread(p.file().toString())) {
      return turn(image, p.faces().stream().map(DlibExamples.Face::landmarks).toList(), degrees);
    }
  }

  /** Turns clockwise in the image by {@code degrees}; landmarks follow exactly. */
  public static View turn(Mat image, List<float[]> landmarks, double degrees) {
    double a = Math.toRadians(degrees);
    double c = Math.cos(a);
    double s = Math.sin(a);
    int w = image.cols();
    int h = image.rows();
    int side = (int) Math.ceil(Math.hypot(w, h));
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    double ox = (side - 1) / 2.0;
    double oy = (side - 1) / 2.0;
    // y down: clockwise by a is x' = c x - s y, y' = s x + c y about the centre.
    double[] m = {c, -s, ox - (c * cx - s * cy), s, c, oy - (s * cx + c * cy)};
    Mat out = new Mat();
    try (Mat affine = new Mat(2, 3, org.bytedeco.opencv.global.opencv_core.CV_64F);
        Size size = new Size(side, side);
        Scalar black = new Scalar(0.0)) {
      org.bytedeco.javacpp.indexer.DoubleIndexer idx = affine.createIndexer();
      for (int i = 0; i < 6; i++) {
        idx.put(i / 3, i % 3, m[i]);
      }
      idx.close();
      org.bytedeco.opencv.global.opencv_imgproc.warpAffine(
          image,
          out,
          affine,
          size,
          INTER_LINEAR,
          org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT,
          black);
    }
    List<float[]> moved = new ArrayList<>();
    for (float[] lm : landmarks) {
      float[] t = new float[lm.length];
      for (int i = 0; i < lm.length; i += 2) {
        t[i] = (float) (m[0] * lm[i] + m[1] * lm[i + 1] + m[2]);
        t[i + 1] = (float) (m[3] * lm[i] + m[4] * lm[i + 1] + m[5]);
      }
      moved.add(t);
    }
    return new View(out, moved);
  }

  /**
   * Enlarged to {@code width} px wide and pasted into a frame {@code frameWidth} wide, at least
   * 2,160 high.
   */
  public static View pasted(View v, int width, int frameWidth) {
    double scale = width / (double) v.image().cols();
    int height = (int) Math.round(v.image().rows() * scale);
    int frameHeight = Math.max(2160, height + 240);
    Mat frame = new Mat(frameHeight, frameWidth, CV_8UC3, new Scalar(40, 60, 50, 0));
    int ox = (frameWidth - width) / 3;
    int oy = (frameHeight - height) / 2;
    try (Mat image = v.image();
        Mat big = new Mat();
        Size size = new Size(width, height);
        Rect where = new Rect(ox, oy, width, height);
        Mat target = frame.apply(where)) {
      resize(image, big, size, 0, 0, INTER_LINEAR);
      big.copyTo(target);
    }
    List<float[]> moved = new ArrayList<>();
    for (float[] lm : v.landmarks()) {
      float[] m = new float[lm.length];
      for (int i = 0; i < lm.length; i += 2) {
        // Pixel-index coordinates scale about -0.5.
        m[i] = (float) ((lm[i] + 0.5) * scale - 0.5 + ox);
        m[i + 1] = (float) ((lm[i + 1] + 0.5) * scale - 0.5 + oy);
      }
      moved.add(m);
    }
    return new View(frame, moved);
  }

  /** The landmarks' bounding box. */
  public static FaceBox landmarkBox(float[] lm) {
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (int i = 0; i < lm.length; i += 2) {
      minX = Math.min(minX, lm[i]);
      maxX = Math.max(maxX, lm[i]);
      minY = Math.min(minY, lm[i + 1]);
      maxY = Math.max(maxY, lm[i + 1]);
    }
    return new FaceBox(minX, minY, maxX - minX, maxY - minY, 1f);
  }
}
