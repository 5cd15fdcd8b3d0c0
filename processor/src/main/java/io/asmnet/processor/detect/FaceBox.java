package io.asmnet.processor.detect;

/**
 * A face box in frame pixels (origin top-left) with a confidence in [0, 1]. Whether it comes from
 * the detector or from the tracker, it frames the {@link FaceRegion}: a square from the middle of
 * the forehead to just below the chin that contains all 68 landmarks.
 */
public record FaceBox(float x, float y, float w, float h, float score) {
  public FaceBox {
    if (!(w > 0 && h > 0)) {
      throw new IllegalArgumentException("box size must be positive: " + w + "x" + h);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
  }
}
