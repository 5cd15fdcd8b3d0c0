package io.asmnet.trainer.data;

import java.util.Random;

/**
 * One draw of the training augmentation (ASMNet as published, plus flip and photometric jitter).
 *
 * @param rotation image rotation in radians about the landmark-box centre, clockwise on screen for
 *     positive values; it adds the same angle (in degrees) to roll
 * @param scaleX horizontal shrink of the face inside the crop (1 = none)
 * @param scaleY vertical shrink of the face inside the crop (1 = none)
 * @param extraMargin extra crop margin per side, left, top, right, bottom, in output pixels
 * @param flip mirror horizontally (negates yaw and roll, permutes the landmarks)
 * @param saltAndPepper set a fraction {@link #SALT_AND_PEPPER_AMOUNT} of pixels to black/white
 * @param contrast gain applied to pixel values (1 = none)
 * @param brightness offset added to pixel values after the gain (0 = none)
 * @param shiftX face moved right inside the crop, as a fraction of the crop side (0 = none)
 * @param shiftY face moved down inside the crop, as a fraction of the crop side (0 = none)
 * @param pixels camera and codec effects on the finished crop ({@link Degradation#none()})
 */
public record Augmentation(
    double rotation,
    double scaleX,
    double scaleY,
    double[] extraMargin,
    boolean flip,
    boolean saltAndPepper,
    double contrast,
    double brightness,
    double shiftX,
    double shiftY,
    Degradation pixels) {
  public static final double MAX_ROTATION = 0.55;
  public static final double MIN_SCALE = 0.8;
  public static final double MAX_EXTRA_MARGIN = 10;
  public static final double SALT_AND_PEPPER_AMOUNT = 0.04;

  /**
   * BlazeFace's framing error once calibrated, as {@code trainer crop-error} measured it on the
   * training faces: the sd of the normal with the same 5-95 % span, across the face, in landmark
   * extents. Not the robust (MAD) sd: it ignores the tails, and the crops in the tails are the ones
   * that fail. Figures: docs/DATA.md, "Augmentation for real video".
   */
  public static final double DETECTOR_SHIFT_SD_X = 0.036;

  /** The same along the face (up-down). */
  public static final double DETECTOR_SHIFT_SD_Y = 0.049;

  /** The same for the log of the implied extent over the true one. */
  public static final double DETECTOR_LOG_SCALE_SD = 0.075;

  public Augmentation {
    if (extraMargin.length != 4) {
      throw new IllegalArgumentException("extraMargin needs 4 values (l, t, r, b)");
    }
    if (!(scaleX > 0 && scaleY > 0 && contrast > 0)) {
      throw new IllegalArgumentException("scales and contrast must be positive");
    }
    if (pixels == null) {
      throw new IllegalArgumentException("pixels must not be null: use Degradation.none()");
    }
    extraMargin = extraMargin.clone();
  }

  /** Without shift and without camera effects. */
  public Augmentation(
      double rotation,
      double scaleX,
      double scaleY,
      double[] extraMargin,
      boolean flip,
      boolean saltAndPepper,
      double contrast,
      double brightness) {
    this(
        rotation,
        scaleX,
        scaleY,
        extraMargin,
        flip,
        saltAndPepper,
        contrast,
        brightness,
        0,
        0,
        Degradation.none());
  }

  /** No change: what evaluation and the processor see. */
  public static Augmentation none() {
    return new Augmentation(0, 1, 1, new double[4], false, false, 1, 0, 0, 0, Degradation.none());
  }

  /**
   * A random draw: rotation uniform in +-0.55 rad, x and y scale uniform in 0.8-1.0, 0-10 px extra
   * margin per side, flip with probability 1/2, salt-and-pepper on one image in three, contrast
   * 0.8-1.2 and brightness +-20 grey levels.
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

  /**
   * The draw for real video ({@code --augment strong}): the crops the processor really makes.
   *
   * <ul>
   *   <li>Roll: half the faces uniform in +-45 degrees (heads tilt; a face the detector's eye
   *       keypoints misread stays tilted in its crop), the other half uniform in +-0.2 rad (what is
   *       left after the processor's upright crop).
   *   <li>Framing: the crop's centre and size err as BlazeFace's box does once calibrated, drawn
   *       from the normal distributions measured by {@code trainer crop-error} on the training
   *       photos: centre sd {@link #DETECTOR_SHIFT_SD_X} / {@link #DETECTOR_SHIFT_SD_Y} of the
   *       landmarks' extent across and along the face, size log-sd {@link #DETECTOR_LOG_SCALE_SD}.
   *       Clipped at 2.5 sd, centred on the evaluation crop (no shrinking bias).
   *   <li>Mirror on half; contrast 0.7-1.3, brightness +-30; salt-and-pepper on one in ten; camera
   *       and codec effects from {@link Degradation#random}.
   * </ul>
   */
  public static Augmentation strong(Random rng) {
    double rotation =
        rng.nextBoolean()
            ? (rng.nextDouble() * 2 - 1) * Math.toRadians(45)
            : (rng.nextDouble() * 2 - 1) * 0.2;
    double scale = Math.exp(-clippedGaussian(rng) * DETECTOR_LOG_SCALE_SD);
    // Extents to crop sides: the crop is (1 + 2 x margin) extents wide.
    double perSide = 1 / (1 + 2 * SampleMaker.DEFAULT_MARGIN);
    return new Augmentation(
        rotation,
        scale,
        scale,
        new double[4],
        rng.nextBoolean(),
        rng.nextInt(10) == 0,
        0.7 + rng.nextDouble() * 0.6,
        (rng.nextDouble() * 2 - 1) * 30,
        clippedGaussian(rng) * DETECTOR_SHIFT_SD_X * perSide,
        clippedGaussian(rng) * DETECTOR_SHIFT_SD_Y * perSide,
        Degradation.random(rng));
  }

  private static double clippedGaussian(Random rng) {
    return Math.max(-2.5, Math.min(2.5, rng.nextGaussian()));
  }

  @Override
  public double[] extraMargin() {
    return extraMargin.clone();
  }
}
