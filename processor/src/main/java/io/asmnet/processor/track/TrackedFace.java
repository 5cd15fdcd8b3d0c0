package io.asmnet.processor.track;

import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;

/**
 * One followed face: its landmarks on the last frame and how the box of the frame it was last
 * detected on related to the model's landmarks on that same frame. Between detections the next box
 * is predicted from the latest landmarks corrected by that relation, so a landmark model with a
 * constant bias (a shape too small, or shifted) cannot shrink or move the box frame after frame:
 * the bias is measured on the detection frame and cancelled.
 *
 * @param landmarks 136 floats (x0, y0, x1, y1, ...) in frame pixels, iBUG 300-W order
 * @param boxSide side of the box on the detection frame, frame pixels (> 0)
 * @param anchorExtent larger side of the landmarks' bounding box on the detection frame, frame
 *     pixels (> 0): the reference against which a real zoom is measured
 * @param offsetX detection box centre minus {@link FaceRegion#fromLandmarks} centre of the
 *     landmarks, on the detection frame, frame pixels
 * @param offsetY the same along y, frame pixels
 */
public record TrackedFace(
    float[] landmarks, float boxSide, float anchorExtent, float offsetX, float offsetY) {
  /** How much the box may grow or shrink per tracked frame, following the landmarks' extent. */
  static final float MAX_ZOOM_PER_FRAME = 0.01f;

  public TrackedFace {
    if (landmarks.length != 2 * TrackState.POINTS) {
      throw new IllegalArgumentException(
          "each face needs 136 coordinates, got " + landmarks.length);
    }
    landmarks = landmarks.clone();
    if (!(boxSide > 0)
        || !Float.isFinite(boxSide)
        || !(anchorExtent > 0)
        || !Float.isFinite(anchorExtent)) {
      throw new IllegalArgumentException(
          "boxSide and anchorExtent must be finite and > 0, got " + boxSide + ", " + anchorExtent);
    }
    if (!Float.isFinite(offsetX) || !Float.isFinite(offsetY)) {
      throw new IllegalArgumentException("offsets must be finite, got " + offsetX + ", " + offsetY);
    }
  }

  /**
   * The face as located on a detection (or confirmation) frame ({@code roi}) with the model's
   * {@code landmarks} in it: the anchor is the region {@link FaceRegion#box} frames around it.
   */
  public static TrackedFace detected(float[] landmarks, FaceRoi roi) {
    float[] own = FaceRegion.centreAndExtent(landmarks, roi.angle());
    if (!(own[2] > 0) || !Float.isFinite(own[0] + own[1])) {
      return anchoredOnItself(landmarks);
    }
    float side = FaceRegion.SIDE_PER_EXTENT * roi.extent();
    double up = FaceRegion.SHIFT_UP_PER_EXTENT * roi.extent();
    // The region's centre: the landmarks' centre moved up along the face's own up direction.
    float regionX = (float) (roi.centreX() + Math.sin(roi.angle()) * up);
    float regionY = (float) (roi.centreY() - Math.cos(roi.angle()) * up);
    return new TrackedFace(landmarks, side, own[2], regionX - own[0], regionY - own[1]);
  }

  /**
   * A face with no detection to compare with (e.g. a state written by an older build): its box is
   * the plain {@link FaceRegion} of its landmarks. Degenerate landmarks get a 1-pixel anchor; the
   * tracker's health check sends such a face back to the detector anyway.
   */
  public static TrackedFace anchoredOnItself(float[] landmarks) {
    float extent = FaceRegion.centreAndExtent(landmarks)[2];
    extent = extent >= 1 ? extent : 1; // also NaN
    return new TrackedFace(landmarks, FaceRegion.SIDE_PER_EXTENT * extent, extent, 0, 0);
  }

  /** The same anchor with the landmarks of a later (tracked) frame. */
  public TrackedFace followedTo(float[] next) {
    return new TrackedFace(next, boxSide, anchorExtent, offsetX, offsetY);
  }

  /**
   * Where the face will be on the next frame: its region centred where the landmarks' region is
   * plus the detection-frame offset, with the detection region's side, scaled by how much the
   * landmarks grew or shrank since (a real zoom), at most {@link #MAX_ZOOM_PER_FRAME} per frame;
   * with {@code upright} turned by the roll of the latest landmarks' eye line and framed in the
   * face's own axes. Returned as the landmarks' centre and extent that region frames.
   *
   * @param framesSinceDetection tracked frames since the detection frame (0 on the frame after it)
   * @param track this face's index in its track state, carried by the result
   */
  public FaceRoi next(int framesSinceDetection, float score, boolean upright, int track) {
    float angle = upright ? FaceRegion.eyeLineAngle(landmarks) : 0f;
    float[] own = FaceRegion.centreAndExtent(landmarks, angle);
    float limit = MAX_ZOOM_PER_FRAME * (framesSinceDetection + 1);
    float zoom = own[2] / anchorExtent;
    zoom = Float.isFinite(zoom) ? Math.max(1 - limit, Math.min(1 + limit, zoom)) : 1;
    float side = boxSide * zoom;
    float cx = own[0] + offsetX * zoom;
    float cy = own[1] + offsetY * zoom;
    float extent = side / FaceRegion.SIDE_PER_EXTENT;
    double down = FaceRegion.SHIFT_UP_PER_EXTENT * extent;
    return new FaceRoi(
        (float) (cx - Math.sin(angle) * down),
        (float) (cy + Math.cos(angle) * down),
        extent,
        angle,
        score,
        track);
  }
}
