package io.asmnet.processor.track;

/**
 * Settings of the {@link TrackingFaceLocator}.
 *
 * @param detectEvery run the detector at least every this many frames per camera (1: every frame);
 *     between detections boxes come from the previous frame's landmarks, and faces entering the
 *     picture are only found at the next detection
 * @param minFaceSize a track whose landmarks span less than this (larger side, frame pixels) is
 *     lost: the detector runs instead
 * @param maxFaces at most this many faces per frame
 * @param minEyeDistance a track whose eye centres are closer than this fraction of the landmarks'
 *     larger side is implausible (collapsed landmarks or a full profile): the detector runs. About
 *     0.4 for a frontal face, 0.2 at 60 degrees of yaw
 * @param minInside a track with less than this fraction of its landmarks inside the frame is lost
 * @param upright tracked boxes carry the face's roll from the eye line of its landmarks, so the
 *     crop turns with the head; false keeps them axis-aligned
 * @param confirm between detections, confirm each tracked face with the locator's {@link
 *     FaceConfirmer} (when it has one) on the face's enlarged region; a face not confirmed is lost,
 *     and the full detector runs on that frame
 */
public record TrackerConfig(
    int detectEvery,
    float minFaceSize,
    int maxFaces,
    float minEyeDistance,
    float minInside,
    boolean upright,
    boolean confirm) {
  public TrackerConfig {
    if (detectEvery < 1 || maxFaces < 1) {
      throw new IllegalArgumentException(
          "detectEvery and maxFaces must be >= 1: " + detectEvery + ", " + maxFaces);
    }
    if (!(minFaceSize >= 0)
        || !(minEyeDistance >= 0 && minEyeDistance < 1)
        || !(minInside >= 0 && minInside <= 1)) {
      throw new IllegalArgumentException(
          "need minFaceSize >= 0, minEyeDistance in [0, 1), minInside in [0, 1]: "
              + minFaceSize
              + ", "
              + minEyeDistance
              + ", "
              + minInside);
    }
  }

  /**
   * Detect every 3 frames; faces from 24 px; 8 faces; eye distance >= 0.15; 60 % inside. Every 3,
   * not more: tracking predicts the next box from the model's landmarks, and the starter model's
   * landmarks barely follow a face that moves within its crop, so a panning face's error grows with
   * every tracked frame (docs/DESIGN-NOTES.md#tracking). With a model trained on 300W, raise it.
   */
  public static TrackerConfig defaults() {
    return new TrackerConfig(3, 24f, 8, 0.15f, 0.6f, true, true);
  }

  /** Axis-aligned boxes, no confirmation: tracking from landmarks alone. */
  public TrackerConfig(
      int detectEvery, float minFaceSize, int maxFaces, float minEyeDistance, float minInside) {
    this(detectEvery, minFaceSize, maxFaces, minEyeDistance, minInside, false, false);
  }

  public TrackerConfig withDetectEvery(int frames) {
    return new TrackerConfig(
        frames, minFaceSize, maxFaces, minEyeDistance, minInside, upright, confirm);
  }

  public TrackerConfig withUpright(boolean turn) {
    return new TrackerConfig(
        detectEvery, minFaceSize, maxFaces, minEyeDistance, minInside, turn, confirm);
  }

  public TrackerConfig withConfirm(boolean check) {
    return new TrackerConfig(
        detectEvery, minFaceSize, maxFaces, minEyeDistance, minInside, upright, check);
  }

  public TrackerConfig withMaxFaces(int faces) {
    return new TrackerConfig(
        detectEvery, minFaceSize, faces, minEyeDistance, minInside, upright, confirm);
  }
}
