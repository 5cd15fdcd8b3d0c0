package io.asmnet.processor.detect;

/**
 * One face as it travels through the stages: where its 68 landmarks are expected, in the terms the
 * landmark model's crop is made in (MediaPipe's "region of interest"). Made by locate (from a
 * detection or from the face's track), cropped from by infer without any conversion, handed back to
 * the tracker's update with the track it came from; only emit turns it into a {@link FaceBox}
 * ({@link FaceRegion#box}).
 *
 * @param centreX x of the centre of the landmarks' bounding box (in the face's upright axes), frame
 *     pixels, pixel-index coordinates
 * @param centreY the same along y
 * @param extent larger side of that bounding box, frame pixels (> 0)
 * @param angle the face's in-plane rotation, radians, clockwise in the image (0: upright crops)
 * @param score confidence in [0, 1]
 * @param track index of the track (in the previous {@code TrackState}'s faces) this face was
 *     followed from, or {@link #NO_TRACK} for a fresh detection
 */
public record FaceRoi(
    float centreX, float centreY, float extent, float angle, float score, int track) {
  public static final int NO_TRACK = -1;

  public FaceRoi {
    if (!(extent > 0) || !Float.isFinite(extent)) {
      throw new IllegalArgumentException("extent must be finite and positive: " + extent);
    }
    if (!Float.isFinite(centreX) || !Float.isFinite(centreY) || !Float.isFinite(angle)) {
      throw new IllegalArgumentException(
          "centre and angle must be finite: " + centreX + ", " + centreY + ", " + angle);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    if (track < NO_TRACK) {
      throw new IllegalArgumentException("track must be an index or NO_TRACK: " + track);
    }
  }

  /** A detected face, not followed from any track. */
  public static FaceRoi detected(
      float centreX, float centreY, float extent, float angle, float score) {
    return new FaceRoi(centreX, centreY, extent, angle, score, NO_TRACK);
  }

  public boolean hasTrack() {
    return track != NO_TRACK;
  }

  /** The same face attributed to {@code newTrack}. */
  public FaceRoi withTrack(int newTrack) {
    return new FaceRoi(centreX, centreY, extent, angle, score, newTrack);
  }
}
