package io.asmnet.trainer.data;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.projectPoints;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test helper: the mean face rendered (projected) by OpenCV at a known pose. */
final class ProjectedFace {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  private ProjectedFace() {}

  /** 136 pixel coordinates of the mean face at the pose, 600 mm in front of the camera. */
  static float[] project(HeadPose pose) {
    try (PointerScope scope = new PointerScope()) {
      Mat rotation = PoseFromLandmarks.filled(3, 3, PoseConvention.matrix(pose));
      Mat rvec = new Mat();
      Rodrigues(rotation, rvec);
      Mat tvec = PoseFromLandmarks.filled(3, 1, new double[] {0, 0, 600});
      Mat object = PoseFromLandmarks.filled(68, 3, MeanFace3d.points());
      Mat image = new Mat();
      projectPoints(
          object, rvec, tvec, PoseFromLandmarks.cameraMatrix(WIDTH, HEIGHT), new Mat(), image);
      double[] xy = PoseFromLandmarks.read(image.reshape(1, 68), 136);
      float[] out = new float[136];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) xy[i];
      }
      return out;
    }
  }

  static float meanX(float[] p) {
    float s = 0;
    for (int i = 0; i < 68; i++) {
      s += p[2 * i];
    }
    return s / 68;
  }

  static float meanY(float[] p) {
    float s = 0;
    for (int i = 0; i < 68; i++) {
      s += p[2 * i + 1];
    }
    return s / 68;
  }
}
