package io.asmnet.processor.detect;

/**
 * Settings of the {@link BlazeFaceDetector}.
 *
 * @param minScore detections scoring less (sigmoid of the model's logit) are dropped
 * @param nmsIou detections overlapping a better one by more than this IoU are blended into it
 * @param maxFaces at most this many faces per frame, best first
 * @param minFaceSize smallest face side to cover, frame pixels: frames too large for one model run
 *     to see faces this small are also searched in overlapping tiles (see {@link TilePlan})
 * @param upright boxes carry the face's in-plane rotation from the eye keypoints, so that the
 *     landmark model's crop can be turned upright; false gives axis-aligned boxes
 */
public record BlazeFaceConfig(
    float minScore, double nmsIou, int maxFaces, int minFaceSize, boolean upright) {
  public BlazeFaceConfig {
    if (!(minScore > 0 && minScore < 1) || !(nmsIou > 0 && nmsIou < 1)) {
      throw new IllegalArgumentException(
          "minScore and nmsIou must be in (0, 1): " + minScore + ", " + nmsIou);
    }
    if (maxFaces < 1 || minFaceSize < 1) {
      throw new IllegalArgumentException(
          "maxFaces and minFaceSize must be >= 1: " + maxFaces + ", " + minFaceSize);
    }
  }

  /**
   * Score 0.6, IoU 0.3 (MediaPipe's full-range settings), 8 faces, faces from 48 px (one run covers
   * them at 640x480), upright crops.
   */
  public static BlazeFaceConfig defaults() {
    return new BlazeFaceConfig(0.6f, 0.3, 8, 48, true);
  }
}
