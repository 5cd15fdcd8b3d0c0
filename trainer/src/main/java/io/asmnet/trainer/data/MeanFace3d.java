package io.asmnet.trainer.data;

/**
 * An approximate 68-point 3D mean face (iBUG 300-W order) in millimetres, for head pose by
 * perspective-n-point. Axes as OpenCV's camera frame for a frontal face: x to image right (the
 * face's own left), y down, z away from the camera; the nose tip (point 30) is the origin and the
 * face looks towards -z.
 *
 * <p>How it was derived (by us, for this project): x and y are the mean of the 43 faces that dlib's
 * example files label (similarity Procrustes alignment, made exactly left-right symmetric by
 * averaging with its mirror under {@link LandmarkMirror}, scaled so the outer eye corners 36 and 45
 * are 90 mm apart, a typical adult biocular width). z (depth behind the nose tip) is not in 2D
 * data: it was assigned per region from rough anthropometric figures of the kind used by the common
 * 6-point PnP model (outer eye corners ~27 mm and mouth corners ~25 mm behind the nose tip, chin
 * ~14 mm), growing along the jaw to ~88 mm near the ears. It is good for consistent pose labels,
 * not for metric 3D. The dlib mean has a long jaw (nose tip to chin 91 mm against ~70 mm in
 * adults), so derived pitch labels may carry a small constant offset on real faces.
 */
public final class MeanFace3d {
  /** Number of points. */
  public static final int POINTS = 68;

  private static final double[] XYZ = {
    -77.3, -30.1, 88.0, -76.5, -9.8, 80.0, -74.6, 10.1, 68.0, -70.6, 29.9, 55.0,
    -62.6, 48.1, 42.0, -50.1, 63.6, 31.0, -35.1, 76.9, 22.0, -18.5, 87.6, 16.0,
    0.0, 90.6, 14.0, 18.5, 87.6, 16.0, 35.1, 76.9, 22.0, 50.1, 63.6, 31.0,
    62.6, 48.1, 42.0, 70.6, 29.9, 55.0, 74.6, 10.1, 68.0, 76.5, -9.8, 80.0,
    77.3, -30.1, 88.0, -60.5, -48.4, 32.0, -51.9, -57.3, 26.0, -39.4, -60.8, 22.0,
    -26.2, -59.7, 20.0, -13.6, -54.8, 20.0, 13.6, -54.8, 20.0, 26.2, -59.7, 20.0,
    39.4, -60.8, 22.0, 51.9, -57.3, 26.0, 60.5, -48.4, 32.0, 0.0, -37.8, 22.0,
    0.0, -25.4, 16.0, 0.0, -13.1, 9.0, 0.0, 0.0, 0.0, -15.4, 8.7, 17.0,
    -8.0, 11.6, 14.0, 0.0, 14.1, 12.0, 8.0, 11.6, 14.0, 15.4, 8.7, 17.0,
    -45.0, -34.1, 27.0, -37.0, -38.3, 21.0, -28.0, -38.4, 21.0, -20.1, -33.5, 22.0,
    -28.2, -32.1, 21.0, -37.3, -32.1, 21.0, 20.1, -33.5, 22.0, 28.0, -38.4, 21.0,
    37.0, -38.3, 21.0, 45.0, -34.1, 27.0, 37.3, -32.1, 21.0, 28.2, -32.1, 21.0,
    -31.6, 33.7, 25.0, -20.7, 27.8, 19.0, -8.5, 26.0, 15.0, 0.0, 27.3, 13.0,
    8.5, 26.0, 15.0, 20.7, 27.8, 19.0, 31.6, 33.7, 25.0, 21.4, 46.3, 19.0,
    9.3, 51.1, 16.0, 0.0, 51.9, 15.0, -9.3, 51.1, 16.0, -21.4, 46.3, 19.0,
    -27.1, 34.3, 24.0, -8.6, 31.2, 17.0, 0.0, 32.1, 15.0, 8.6, 31.2, 17.0,
    27.1, 34.3, 24.0, 8.9, 42.2, 17.0, 0.0, 43.3, 16.0, -8.9, 42.2, 17.0,
  };

  private MeanFace3d() {}

  /** A fresh copy of the model: 204 values x0, y0, z0, x1, ... in mm. */
  public static double[] points() {
    return XYZ.clone();
  }
}
