package io.asmnet.processor.detect;

/**
 * The face region every {@link FaceBox} of the pipeline describes (events report it; stages pass a
 * {@link FaceRoi}, the landmarks' own centre and extent, and {@link #box} frames it), whether it
 * came from the detector or from the previous frame's landmarks: a square centred on the 68
 * landmarks' bounding box, {@link #SIDE_PER_EXTENT} (1.3) times its larger side ("extent"), its
 * centre shifted up by {@link #SHIFT_UP_PER_EXTENT} (0.12) extents. So it always contains all 68
 * landmarks, with at least 0.03 extents to spare below the chin, 0.27 above the brows (the
 * forehead) and 0.15 beside the jaw when the face is as wide as tall.
 *
 * <p>It is the Haar default cascade's own framing, made larger and moved down so that the chin is
 * never cut. Every detector's raw box is mapped to this same region by a calibration made on dlib's
 * labelled example faces; the figures are in docs/DESIGN-NOTES.md#face-framing.
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
   * The region of a face turned by {@code angle} (radians, clockwise): the same framing measured in
   * the face's own upright axes, so the square follows a tilted head instead of growing around it.
   */
  public static FaceBox fromLandmarks(float[] landmarks, float score, float angle) {
    float[] region = centreAndExtent(landmarks, angle);
    float side = SIDE_PER_EXTENT * region[2];
    return new FaceBox(region[0] - side / 2, region[1] - side / 2, side, side, score, angle);
  }

  /**
   * The centre x, y of the region {@link #fromLandmarks} frames and the landmarks' extent, without
   * making a box (so without its positive-size check).
   */
  public static float[] centreAndExtent(float[] landmarks) {
    return centreAndExtent(landmarks, 0f);
  }

  /**
   * As {@link #centreAndExtent(float[])} in the axes of a face turned by {@code angle}: the
   * landmarks' bounding box is taken after turning them upright, and the centre shifted up along
   * the face's own up direction.
   */
  public static float[] centreAndExtent(float[] landmarks, float angle) {
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + 1 < landmarks.length; i += 2) {
      // Turn by -angle: into the face's upright axes.
      double u = c * landmarks[i] + s * landmarks[i + 1];
      double v = -s * landmarks[i] + c * landmarks[i + 1];
      minX = Math.min(minX, u);
      maxX = Math.max(maxX, u);
      minY = Math.min(minY, v);
      maxY = Math.max(maxY, v);
    }
    double extent = Math.max(maxX - minX, maxY - minY);
    double u = (minX + maxX) / 2;
    double v = (minY + maxY) / 2 - SHIFT_UP_PER_EXTENT * extent;
    // And back by +angle.
    return new float[] {(float) (c * u - s * v), (float) (s * u + c * v), (float) extent};
  }

  /**
   * The in-plane rotation of a face from its 68 landmarks, radians, clockwise: the angle of the
   * line from the image-left eye's centre (points 36-41) to the other's (42-47).
   */
  public static float eyeLineAngle(float[] landmarks) {
    double dx = 0;
    double dy = 0;
    for (int p = 0; p < 6; p++) {
      dx += landmarks[2 * (42 + p)] - landmarks[2 * (36 + p)];
      dy += landmarks[2 * (42 + p) + 1] - landmarks[2 * (36 + p) + 1];
    }
    float a = (float) Math.atan2(dy, dx);
    return Float.isFinite(a) ? a : 0f;
  }

  /**
   * The larger side of the landmarks' bounding box that {@code region} was made from (frame
   * pixels): the inverse of {@link #fromLandmarks}. A non-square box is read by its larger side.
   */
  public static double extent(FaceBox region) {
    return Math.max(region.w(), region.h()) / (double) SIDE_PER_EXTENT;
  }

  /**
   * The x of the landmarks' bounding-box centre that {@code region} was made from, frame pixels:
   * the region's centre moved back down along the face's own down direction.
   */
  public static double landmarkCentreX(FaceBox region) {
    return region.centreX() - Math.sin(region.angle()) * SHIFT_UP_PER_EXTENT * extent(region);
  }

  /** The y of the landmarks' bounding-box centre: the region's centre moved back down. */
  public static double landmarkCentreY(FaceBox region) {
    return region.centreY() + Math.cos(region.angle()) * SHIFT_UP_PER_EXTENT * extent(region);
  }

  /**
   * The face of a BlazeFace detection (frame pixels) as a {@link FaceRoi}, undoing the detector's
   * framing (measured like the cascades' on dlib's labelled faces, see {@link #BLAZEFACE}): where
   * its landmarks are, no box made. With {@code upright}, it is turned by the eye keypoints' roll.
   */
  public static FaceRoi roiFromBlazeFace(BlazeDetection d, boolean upright) {
    float angle = upright ? d.roll() : 0f;
    float extent = Math.max(d.width(), d.height()) / BLAZEFACE.sidePerExtent;
    // Landmarks' centre: the box centre moved down (along the face's down direction).
    double down = BLAZEFACE.shiftUpPerExtent * extent;
    double lx = (d.xMin() + d.xMax()) / 2.0 - Math.sin(angle) * down;
    double ly = (d.yMin() + d.yMax()) / 2.0 + Math.cos(angle) * down;
    return FaceRoi.detected((float) lx, (float) ly, extent, angle, d.score());
  }

  /**
   * The region (a box {@link #SIDE_PER_EXTENT} extents large, shifted up) of the face at {@code
   * roi}: how an event reports a face. The inverse of {@link #roi}.
   */
  public static FaceBox box(FaceRoi roi) {
    double side = SIDE_PER_EXTENT * roi.extent();
    double up = SHIFT_UP_PER_EXTENT * roi.extent();
    // Region centre: landmarks' centre moved up (along the face's own up direction).
    double cx = roi.centreX() + Math.sin(roi.angle()) * up;
    double cy = roi.centreY() - Math.cos(roi.angle()) * up;
    return new FaceBox(
        (float) (cx - side / 2),
        (float) (cy - side / 2),
        (float) side,
        (float) side,
        roi.score(),
        roi.angle());
  }

  /**
   * How much the regions of two faces overlap: intersection over union of their {@link #box}es'
   * axis-aligned bounds. What the tracker matches and de-duplicates faces by.
   */
  public static double overlap(FaceRoi a, FaceRoi b) {
    return box(a).bounds().iou(box(b).bounds());
  }

  /** The face a region box frames (the inverse of {@link #box}), not followed from any track. */
  public static FaceRoi roi(FaceBox region) {
    return FaceRoi.detected(
        (float) landmarkCentreX(region),
        (float) landmarkCentreY(region),
        (float) extent(region),
        region.angle(),
        region.score());
  }

  /**
   * The face of a cascade's raw box (frame pixels) as a {@link FaceRoi}, undoing that cascade's
   * framing.
   */
  static FaceRoi roiFromCascade(Cascade cascade, float x, float y, float w, float h, float score) {
    Calibration c = Calibration.of(cascade);
    float extent = w / c.sidePerExtent;
    return FaceRoi.detected(x + w / 2, y + h / 2 + c.shiftUpPerExtent * extent, extent, 0f, score);
  }

  /**
   * BlazeFace's (full and short range) box relative to the landmarks: its larger side over their
   * extent, and how far its centre lies above theirs, in extents. Medians over dlib's labelled
   * faces (docs/DESIGN-NOTES.md#face-framing).
   */
  static final Calibration BLAZEFACE = new Calibration(1.0f, 0.06f);

  /**
   * How a cascade's raw square box relates to the landmarks (calibrated like the constants above).
   */
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
