package io.asmnet.trainer.data;

import java.util.Random;

/**
 * What a camera and a video codec do to a face that the landmarks never see: colour cast,
 * conversion to grey, an occluding patch, blur, low resolution and JPEG re-compression. Applied to
 * the finished 224 x 224 crop in that order; none of it moves a pixel, so the labels stay exactly
 * where the geometric {@link Augmentation} put them.
 *
 * @param channelGain gain per channel, blue, green, red (1, 1, 1 = none)
 * @param grey replace the crop by its grey image (still 3 channels)
 * @param occlusion a filled rectangle in crop pixels, or null for none
 * @param blurSigma Gaussian blur sigma in crop pixels (0 = none)
 * @param lowResSide shrink the crop to this side and enlarge it back (0 = none): a face of about
 *     {@code lowResSide / 1.2} pixels, as a small face in a wide frame
 * @param jpegQuality re-compress as JPEG at this quality, 1-100 (0 = none)
 */
public record Degradation(
    double[] channelGain,
    boolean grey,
    Occlusion occlusion,
    double blurSigma,
    int lowResSide,
    int jpegQuality) {
  /** A rectangle of one colour over part of the face (a hand, a microphone, a cup). */
  public record Occlusion(int x, int y, int width, int height, int blue, int green, int red) {}

  private static final Degradation NONE =
      new Degradation(new double[] {1, 1, 1}, false, null, 0, 0, 0);

  public Degradation {
    if (channelGain.length != 3) {
      throw new IllegalArgumentException("channelGain needs 3 values (b, g, r)");
    }
    if (blurSigma < 0 || lowResSide < 0 || jpegQuality < 0 || jpegQuality > 100) {
      throw new IllegalArgumentException(
          "blur, low resolution and JPEG quality must be >= 0 (quality <= 100)");
    }
    channelGain = channelGain.clone();
  }

  public static Degradation none() {
    return NONE;
  }

  /**
   * A random draw: colour cast 0.85-1.15 per channel on half the crops, grey on one in ten, an
   * occluding patch (15-45 % of the side each way, a random colour) on three in ten, blur sigma
   * 0.5-2 on one in four, low resolution (side 48-128, so faces of 40-107 px) on one in four, JPEG
   * quality 10-60 on three in ten. Each draws independently, so most crops get one or two.
   */
  public static Degradation random(Random rng) {
    double[] gain = {1, 1, 1};
    if (rng.nextBoolean()) {
      for (int c = 0; c < 3; c++) {
        gain[c] = 0.85 + 0.3 * rng.nextDouble();
      }
    }
    boolean grey = rng.nextInt(10) == 0;
    Occlusion occlusion = null;
    if (rng.nextInt(10) < 3) {
      int w = (int) Math.round(Sample.SIZE * (0.15 + 0.3 * rng.nextDouble()));
      int h = (int) Math.round(Sample.SIZE * (0.15 + 0.3 * rng.nextDouble()));
      occlusion =
          new Occlusion(
              rng.nextInt(Sample.SIZE - w + 1),
              rng.nextInt(Sample.SIZE - h + 1),
              w,
              h,
              rng.nextInt(256),
              rng.nextInt(256),
              rng.nextInt(256));
    }
    double blur = rng.nextInt(4) == 0 ? 0.5 + 1.5 * rng.nextDouble() : 0;
    int lowRes = rng.nextInt(4) == 0 ? 48 + rng.nextInt(81) : 0;
    int jpeg = rng.nextInt(10) < 3 ? 10 + rng.nextInt(51) : 0;
    return new Degradation(gain, grey, occlusion, blur, lowRes, jpeg);
  }

  public boolean isNone() {
    return channelGain[0] == 1
        && channelGain[1] == 1
        && channelGain[2] == 1
        && !grey
        && occlusion == null
        && blurSigma == 0
        && lowResSide == 0
        && jpegQuality == 0;
  }

  @Override
  public double[] channelGain() {
    return channelGain.clone();
  }
}
