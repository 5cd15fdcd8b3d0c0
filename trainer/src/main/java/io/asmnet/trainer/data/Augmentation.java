package io.asmnet.trainer.data;

import java.util.Random;

/**
 * One draw of the training augmentation (ASMNet as published, plus flip and photometric jitter).
 *
 * @param rotation image rotation in radians about the landmark-box centre, clockwise on screen
 *     for positive values; it adds the same angle (in degrees) to roll
 * @param scaleX horizontal shrink of the face inside the crop (1 = none)
 * @param scaleY vertical shrink of the face inside the crop (1 = none)
 * @param extraMargin extra crop margin per side, left, top, right, bottom, in output pixels
 * @param flip mirror horizontally (negates yaw and roll, permutes the landmarks)
 * @param saltAndPepper set a fraction {@link #SALT_AND_PEPPER_AMOUNT} of pixels to black/white
 * @param contrast gain applied to pixel values (1 = none)
 * @param brightness offset added to pixel values after the gain (0 = none)
 */
public record Augmentation(
    double rotation,
    double scaleX,
    double scaleY,
    double[] extraMargin,
    boolean flip,
    boolean saltAndPepper,
    double contrast,
    double brightness) {
  public static final double MAX_ROTATION = 0.55;
  public static final double MIN_SCALE = 0.8;
  public static final double MAX_EXTRA_MARGIN = 10;
  public static final double SALT_AND_PEPPER_AMOUNT = 0.04;

  public Augmentation {
    if (extraMargin.length != 4) {
      throw new IllegalArgumentException("extraMargin needs 4 values (l, t, r, b)");
    }
    if (!(scaleX > 0 && scaleY > 0 && contrast > 0)) {
      throw new IllegalArgumentException("scales and contrast must be positive");
    }
    extraMargin = extraMargin.clone();
  }

  /** No change: what evaluation and the processor see. */
  public static Augmentation none() {
    return new Augmentation(0, 1, 1, new double[4], false, false, 1, 0);
  }

  /**
   * A random draw: rotation uniform in +-0.55 rad, x and y scale uniform in 0.8-1.0, 0-10 px
   * extra margin per side, flip with probability 1/2, salt-and-pepper on one image in three,
   * contrast 0.8-1.2 and brightness +-20 grey levels.
   */
  public static Augmentation random(Random rng) {
    double[] margin = new double[4];
    for (int i = 0; i < margin.length; i++) {
      margin[i] = rng.nextDouble() * MAX_EXTRA_MARGIN;
    }
    return new Augmentation(
        (rng.nextDouble() * 2 - 1) * MAX_ROTATION,
        MIN_SCALE + rng.nextDouble() * (1 - MIN_SCALE),
        MIN_SCALE + rng.nextDouble() * (1 - MIN_SCALE),
        margin,
        rng.nextBoolean(),
        rng.nextInt(3) == 0,
        0.8 + rng.nextDouble() * 0.4,
        (rng.nextDouble() * 2 - 1) * 20);
  }

  /**
   * A milder draw for tiny training sets, centred on what evaluation sees: rotation uniform in
   * +-0.2 rad, x and y scale uniform in 0.95-1.05, no extra margin; flip, salt-and-pepper and
   * photometric jitter as in {@link #random}. The published draw shrinks every face (scale 0.8-1.0
   * plus 0-10 px margins), so a model that cannot yet read scale from the pixels is biased small.
   */
  public static Augmentation light(Random rng) {
    return new Augmentation(
        (rng.nextDouble() * 2 - 1) * 0.2,
        0.95 + rng.nextDouble() * 0.1,
        0.95 + rng.nextDouble() * 0.1,
        new double[4],
        rng.nextBoolean(),
        rng.nextInt(3) == 0,
        0.8 + rng.nextDouble() * 0.4,
        (rng.nextDouble() * 2 - 1) * 20);
  }

  @Override
  public double[] extraMargin() {
    return extraMargin.clone();
  }
}
