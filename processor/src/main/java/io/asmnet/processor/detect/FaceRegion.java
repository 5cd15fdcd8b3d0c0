package io.asmnet.processor.detect;

/**
 * The face region every {@link FaceBox} of the pipeline describes, whether it came from the
 * detector or from the previous frame's landmarks: a square centred on the 68 landmarks'
 * bounding box, {@link #SIDE_PER_EXTENT} (1.3) times its larger side ("extent"), its centre
 * shifted up by {@link #SHIFT_UP_PER_EXTENT} (0.12) extents. So it always contains all 68
 * landmarks, with at least 0.03 extents to spare below the chin, 0.27 above the brows (the
 * forehead) and 0.15 beside the jaw when the face is as wide as tall.
 *
 * <p>It is the Haar default cascade's own framing, made 7 % larger and moved down so that the
 * chin is never cut: measured on dlib's 43 labelled example faces, a Haar box is 1.21 extents
 * wide (1.207 / 1.215 detecting at 320 / 500 px) and centred 0.16 extents above the landmarks'
 * centre. The other cascades were measured the same way (alt2: 1.18, 0.16 from 36 faces; LBP
 * improved: 0.81, 0.09 from only 6 faces, so less certain) and are mapped to the same region.
 */
public final class FaceRegion {
  /** Box side over the larger side of the landmarks' bounding box. */
  public static final float SIDE_PER_EXTENT = 1.3f;

  /** Box centre above the landmarks' centre, as a fraction of that larger side. */
  public static final float SHIFT_UP_PER_EXTENT = 0.12f;

  private FaceRegion() {}

  /**
   * The region of a face from its landmarks.
   *
   * @param landmarks x0, y0, x1, y1, ... in frame pixels (any number of points, at least 2)
   */
  public static FaceBox fromLandmarks(float[] landmarks, float score) {
    float[] region = centreAndExtent(landmarks);
    float side = SIDE_PER_EXTENT * region[2];
    return new FaceBox(region[0] - side / 2, region[1] - side / 2, side, side, score);
  }

  /**
   * The centre x, y of the region {@link #fromLandmarks} frames and the landmarks' extent, without
   * making a box (so without its positive-size check).
   */
  public static float[] centreAndExtent(float[] landmarks) {
    float minX = Float.POSITIVE_INFINITY;
    float minY = Float.POSITIVE_INFINITY;
    float maxX = Float.NEGATIVE_INFINITY;
    float maxY = Float.NEGATIVE_INFINITY;
    for (int i = 0; i + 1 < landmarks.length; i += 2) {
      minX = Math.min(minX, landmarks[i]);
      maxX = Math.max(maxX, landmarks[i]);
      minY = Math.min(minY, landmarks[i + 1]);
      maxY = Math.max(maxY, landmarks[i + 1]);
    }
    float extent = Math.max(maxX - minX, maxY - minY);
    return new float[] {(minX + maxX) / 2, (minY + maxY) / 2 - SHIFT_UP_PER_EXTENT * extent, extent};
  }

  /**
   * The larger side of the landmarks' bounding box that {@code region} was made from (frame
   * pixels): the inverse of {@link #fromLandmarks}. A non-square box is read by its larger side.
   */
  public static double extent(FaceBox region) {
    return Math.max(region.w(), region.h()) / (double) SIDE_PER_EXTENT;
  }

  /** The x of the landmarks' bounding-box centre that {@code region} was made from, frame pixels. */
  public static double landmarkCentreX(FaceBox region) {
    return region.x() + region.w() / 2.0;
  }

  /** The y of the landmarks' bounding-box centre: the region's centre moved back down. */
  public static double landmarkCentreY(FaceBox region) {
    return region.y() + region.h() / 2.0 + SHIFT_UP_PER_EXTENT * extent(region);
  }

  /** The region of a face from a cascade's raw box (frame pixels), undoing that cascade's framing. */
  static FaceBox fromCascade(Cascade cascade, float x, float y, float w, float h, float score) {
    Calibration c = Calibration.of(cascade);
    float extent = w / c.sidePerExtent;
    float cx = x + w / 2;
    float landmarksCy = y + h / 2 + c.shiftUpPerExtent * extent;
    float cy = landmarksCy - SHIFT_UP_PER_EXTENT * extent;
    float side = SIDE_PER_EXTENT * extent;
    return new FaceBox(cx - side / 2, cy - side / 2, side, side, score);
  }

  /** How a cascade's raw square box relates to the landmarks (measured like the constants above). */
  private record Calibration(float sidePerExtent, float shiftUpPerExtent) {
    static Calibration of(Cascade cascade) {
      return switch (cascade) {
        case HAAR_FRONTAL_DEFAULT -> new Calibration(1.21f, 0.16f);
        case HAAR_FRONTAL_ALT2 -> new Calibration(1.18f, 0.16f);
        case LBP_FRONTAL_IMPROVED -> new Calibration(0.81f, 0.09f);
      };
    }
  }
}
