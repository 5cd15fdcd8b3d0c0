package io.asmnet.cli.clip;

import io.asmnet.trainer.data.Affine2d;

/**
 * The 2x3 affine from photo pixels to frame pixels: fit the whole photo into the frame
 * (letterboxed, centred), then zoom and rotate about the frame centre, then pan. The same map warps
 * the photo (OpenCV {@code warpAffine}) and moves the labelled landmarks, so the frame's true
 * landmarks are exact up to float rounding.
 */
final class FramePlacement {
  private FramePlacement() {}

  /**
   * @param photoWidth photo width, pixels
   * @param photoHeight photo height, pixels
   * @param frameWidth frame width, pixels
   * @param frameHeight frame height, pixels
   * @param motion this frame's motion
   */
  static Affine2d of(
      int photoWidth, int photoHeight, int frameWidth, int frameHeight, Motion motion) {
    double fit = Math.min((double) frameWidth / photoWidth, (double) frameHeight / photoHeight);
    double cx = frameWidth / 2.0;
    double cy = frameHeight / 2.0;
    Affine2d fitted =
        Affine2d.scale(fit, fit)
            .then(
                Affine2d.translate(
                    (frameWidth - fit * photoWidth) / 2, (frameHeight - fit * photoHeight) / 2));
    return fitted
        .then(Affine2d.translate(-cx, -cy))
        .then(Affine2d.scale(motion.zoom(), motion.zoom()))
        .then(Affine2d.rotate(Math.toRadians(motion.rotationDeg())))
        .then(Affine2d.translate(cx + motion.panX(), cy + motion.panY()));
  }
}
