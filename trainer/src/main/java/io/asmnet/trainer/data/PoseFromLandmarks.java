package io.asmnet.trainer.data;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_ITERATIVE;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_SQPNP;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Head pose for data sets that label only landmarks: OpenCV {@code solvePnP} of the 68 points
 * against {@link MeanFace3d}, with a pinhole camera of focal length = image width (pixels), the
 * principal point at the image centre and no distortion. The result is in our convention (see
 * {@link PoseConvention}). Stateless and thread-safe; native buffers live for one call.
 */
public final class PoseFromLandmarks {
  private static final int N = MeanFace3d.POINTS;
  private static final double[] MODEL = MeanFace3d.points();

  /**
   * @param landmarks 136 floats, 0-based image pixels, iBUG order
   * @param imageWidth image width in pixels (also the focal length)
   * @param imageHeight image height in pixels
   * @return yaw, pitch, roll in degrees
   * @throws IllegalArgumentException when no pose in front of the camera fits the points
   */
  public HeadPose estimate(float[] landmarks, int imageWidth, int imageHeight) {
    if (landmarks.length != 2 * N) {
      throw new IllegalArgumentException("expected 136 coordinates, got " + landmarks.length);
    }
    if (imageWidth <= 0 || imageHeight <= 0) {
      throw new IllegalArgumentException("image size must be positive");
    }
    try (PointerScope scope = new PointerScope()) {
      Mat object = filled(N, 3, MODEL);
      double[] image = new double[2 * N];
      for (int i = 0; i < image.length; i++) {
        image[i] = landmarks[i];
      }
      Mat imagePoints = filled(N, 2, image);
      Mat camera = cameraMatrix(imageWidth, imageHeight);
      Mat rvec = new Mat();
      Mat tvec = new Mat();
      // Levenberg-Marquardt from a DLT start is exact on clean points but can land behind the
      // camera on odd shapes; SQPnP finds the global optimum then.
      boolean solved =
          solvePnP(object, imagePoints, camera, new Mat(), rvec, tvec, false, SOLVEPNP_ITERATIVE);
      if (!solved || !(read(tvec, 3)[2] > 0)) {
        solved =
            solvePnP(object, imagePoints, camera, new Mat(), rvec, tvec, false, SOLVEPNP_SQPNP);
      }
      if (!solved || !(read(tvec, 3)[2] > 0)) {
        throw new IllegalArgumentException("solvePnP found no pose in front of the camera");
      }
      Mat rotation = new Mat();
      Rodrigues(rvec, rotation);
      return PoseConvention.fromMatrix(read(rotation, 9));
    }
  }

  /** The camera matrix used: f = width, principal point at the centre. Owned by the caller. */
  static Mat cameraMatrix(int width, int height) {
    return filled(3, 3, new double[] {width, 0, width / 2.0, 0, width, height / 2.0, 0, 0, 1});
  }

  static Mat filled(int rows, int cols, double[] values) {
    Mat m = new Mat(rows, cols, CV_64F);
    try (DoubleIndexer idx = m.createIndexer()) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          idx.put(r, c, values[r * cols + c]);
        }
      }
    }
    return m;
  }

  static double[] read(Mat m, int count) {
    Mat doubles = new Mat();
    m.convertTo(doubles, CV_64F);
    double[] out = new double[count];
    try (DoubleIndexer idx = doubles.createIndexer()) {
      for (int i = 0; i < count; i++) {
        out[i] = idx.get(i / doubles.cols(), i % doubles.cols());
      }
    }
    doubles.close();
    return out;
  }
}
