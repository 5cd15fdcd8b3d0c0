package io.asmnet.processor.detect;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Samples a square region of a BGR frame into a detector's S x S RGB float input in [-1, 1]
 * (MediaPipe's range for BlazeFace), black outside the frame, as letterboxing does. A region much
 * larger than S is first shrunk with area averaging, so that small faces are not aliased away. Owns
 * its native buffers; not thread-safe.
 *
 * <p>Coordinates: a region is {@code (x0, y0, side)} in continuous frame coordinates (pixel {@code
 * i} covers [i, i + 1)); the model's unit square maps onto it.
 */
final class RegionSampler implements AutoCloseable {
  private final int size;
  private final Mat affine = new Mat(2, 3, org.bytedeco.opencv.global.opencv_core.CV_64F);
  private final DoubleIndexer m = affine.createIndexer();
  private final Mat bgr8;
  private final Mat rgb8;
  private final Mat rgbFloat;
  private final Mat shrunk = new Mat();
  private final FloatBuffer input;
  private final Size target;
  private final Scalar black = new Scalar(0.0);

  RegionSampler(int size) {
    this.size = size;
    this.bgr8 = new Mat(size, size, CV_8UC3);
    this.rgb8 = new Mat(size, size, CV_8UC3);
    this.rgbFloat = new Mat(size, size, CV_32FC3);
    this.input = rgbFloat.createBuffer();
    this.target = new Size(size, size);
  }

  /**
   * Fills the input with the region and returns it (a direct buffer over this sampler's memory).
   */
  FloatBuffer sample(Mat frame, double x0, double y0, double side) {
    Mat source = frame;
    double ox = x0;
    double oy = y0;
    double s = size / side;
    // A region over twice the input is area-averaged first, and only its part inside the frame:
    // shrinking the whole of a 1920-px frame to confirm one face would cost more than the run.
    if (side > 2.0 * size) {
      int left = (int) Math.max(0, Math.floor(x0));
      int top = (int) Math.max(0, Math.floor(y0));
      int right = (int) Math.min(frame.cols(), Math.ceil(x0 + side));
      int bottom = (int) Math.min(frame.rows(), Math.ceil(y0 + side));
      if (right > left && bottom > top) {
        double f = 2.0 * size / side;
        int w = Math.max(1, (int) Math.round((right - left) * f));
        int h = Math.max(1, (int) Math.round((bottom - top) * f));
        try (Rect roi = new Rect(left, top, right - left, bottom - top);
            Mat part = frame.apply(roi);
            Size target = new Size(w, h)) {
          resize(part, shrunk, target, 0, 0, INTER_AREA);
        }
        source = shrunk;
        double fx = (double) w / (right - left);
        double fy = (double) h / (bottom - top);
        // In the shrunk copy's continuous coordinates the region starts at (x0 - left) * f.
        ox = (x0 - left) * fx;
        oy = (y0 - top) * fy;
        s = size / (side * fx);
        return warp(source, s, size / (side * fy), ox, oy);
      }
    }
    return warp(source, s, s, ox, oy);
  }

  private FloatBuffer warp(Mat source, double sx, double sy, double ox, double oy) {
    // dst pixel j covers [j, j+1): j + 0.5 = (i + 0.5 - ox) * s  ->  j = s * i + (0.5 - ox) * s -
    // 0.5
    m.put(0, 0, sx).put(0, 1, 0.0).put(0, 2, (0.5 - ox) * sx - 0.5);
    m.put(1, 0, 0.0).put(1, 1, sy).put(1, 2, (0.5 - oy) * sy - 0.5);
    warpAffine(source, bgr8, affine, target, INTER_LINEAR, BORDER_CONSTANT, black);
    cvtColor(bgr8, rgb8, COLOR_BGR2RGB);
    rgb8.convertTo(rgbFloat, CV_32FC3, 1 / 127.5, -1.0);
    return input;
  }

  @Override
  public void close() {
    m.close();
    affine.close();
    bgr8.close();
    rgb8.close();
    rgbFloat.close();
    shrunk.close();
    target.close();
    black.close();
  }
}
