package io.asmnet.trainer.data;

/**
 * Our one head-pose convention, as rotation matrices, and conversions from other data sets.
 *
 * <p>Frames: the camera frame is OpenCV's (x to image right, y down, z away from the camera). A
 * face model in its frontal pose uses the same axes (the face looks at the camera, towards -z). A
 * pose maps model points to camera points by
 *
 * <pre>R = Rz(roll) * Rx(-pitch) * Ry(-yaw)</pre>
 *
 * with the right-handed elementary rotations Rx, Ry, Rz. Hence: positive yaw moves the nose tip
 * towards image right (the face turns to its own left), positive pitch moves it up (looking up),
 * positive roll turns the face clockwise on screen. Roll is the outermost factor, so rotating the
 * image clockwise by t (about the optical axis) adds exactly t to roll, and mirroring the image
 * negates yaw and roll and keeps pitch. Angles are in degrees everywhere outside this class's
 * matrices.
 */
public final class PoseConvention {
  private PoseConvention() {}

  /** Row-major 3x3 rotation matrix of a pose (degrees in, see class comment). */
  public static double[] matrix(HeadPose pose) {
    double yaw = Math.toRadians(pose.yaw());
    double pitch = Math.toRadians(pose.pitch());
    double roll = Math.toRadians(pose.roll());
    return multiply(rz(roll), multiply(rx(-pitch), ry(-yaw)));
  }

  /** Decomposes a row-major rotation matrix built as in {@link #matrix(HeadPose)}. */
  public static HeadPose fromMatrix(double[] r) {
    // With M = Rz(c) Rx(a) Ry(b): M21 = sin a, M20 = -cos a sin b, M22 = cos a cos b,
    // M01 = -sin c cos a, M11 = cos c cos a.
    double a = Math.asin(Math.max(-1, Math.min(1, r[7])));
    double b = Math.atan2(-r[6], r[8]);
    double c = Math.atan2(-r[1], r[4]);
    return new HeadPose(
        (float) Math.toDegrees(-b), (float) Math.toDegrees(-a), (float) Math.toDegrees(c));
  }

  /**
   * Converts 300W-LP / AFLW2000-3D {@code Pose_Para} angles (radians) to our pose.
   *
   * <p>Those sets come from 3DDFA, whose {@code RotationMatrix(phi, gamma, theta)} is {@code R =
   * Rx'(phi) Ry'(gamma) Rz'(theta)} with Rx' = [1 0 0; 0 c s; 0 -s c], Ry' = [c 0 -s; 0 1 0; s 0
   * c], Rz' = [c s 0; -s c 0; 0 0 1] (each the transpose of the usual right-handed one) acting on a
   * model with y up and z towards the viewer. Changing frames with S = diag(1, -1, -1) to ours
   * gives S R S = Rx(-phi) Ry(gamma) Rz(theta), which we decompose in our order. For single-axis
   * poses this is: our pitch = phi (both positive looking up), our yaw = -gamma (their positive yaw
   * turns the nose towards image left), our roll = theta (both clockwise); combined poses are
   * converted exactly through the matrix.
   */
  public static HeadPose from300WLP(double pitchRad, double yawRad, double rollRad) {
    return fromMatrix(multiply(rx(-pitchRad), multiply(ry(yawRad), rz(rollRad))));
  }

  static double[] rx(double a) {
    double c = Math.cos(a);
    double s = Math.sin(a);
    return new double[] {1, 0, 0, 0, c, -s, 0, s, c};
  }

  static double[] ry(double a) {
    double c = Math.cos(a);
    double s = Math.sin(a);
    return new double[] {c, 0, s, 0, 1, 0, -s, 0, c};
  }

  static double[] rz(double a) {
    double c = Math.cos(a);
    double s = Math.sin(a);
    return new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
  }

  static double[] multiply(double[] a, double[] b) {
    double[] m = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          sum += a[3 * i + k] * b[3 * k + j];
        }
        m[3 * i + j] = sum;
      }
    }
    return m;
  }
}
