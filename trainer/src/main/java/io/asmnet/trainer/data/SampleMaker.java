package io.asmnet.trainer.data;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns a labelled face into a network {@link Sample}: a 224 x 224 BGR crop, the landmarks in crop
 * pixels and the pose, with optional augmentation, in one {@code warpAffine}.
 *
 * <p>The crop, as the processor must reproduce it: the square around the landmark box's centre
 * whose side is the box's longer side times (1 + 2 x margin) (margin 0.1 by default: 10 % of the
 * box each side), resized to 224, outside the photo black. In pixel-index coordinates (pixel
 * centres at integers, as the landmarks): x_crop = (x - cx) * 224 / side + 111.5, the same for y,
 * which is what OpenCV {@code resize} of that square does.
 *
 * <p>Augmentation (see {@link Augmentation}) rotates about the landmark-box centre before the box
 * is taken (so the crop follows the rotated face), widens each side by 0-10 output pixels, shrinks
 * the face in x and y about the crop centre, mirrors, then adjusts contrast/brightness and adds
 * salt-and-pepper noise; {@code strong} draws also move the face in the crop as the detector's
 * framing error does and degrade the pixels ({@link Degradation}). The pose follows: roll +
 * rotation (degrees), then the mirror negates yaw and roll. Independent x/y scaling changes the
 * true pose slightly; that is ignored, as in the published training. Faces without a pose label get
 * one from {@link PoseFromLandmarks} on the original photo.
 *
 * <p>Thread-safe (the image cache is shared and synchronised); every Mat lives for one call.
 */
public final class SampleMaker {
  /** Default crop margin per side, as a fraction of the landmark box's longer side. */
  public static final double DEFAULT_MARGIN = 0.1;

  private static final int SIZE = Sample.SIZE;
  private final ImageCache images;
  private final double margin;
  private final PoseFromLandmarks poses = new PoseFromLandmarks();

  public SampleMaker(ImageCache images) {
    this(images, DEFAULT_MARGIN);
  }

  /**
   * @param margin crop margin per side as a fraction of the landmark box (>= 0)
   */
  public SampleMaker(ImageCache images, double margin) {
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("margin must be >= 0");
    }
    this.images = images;
    this.margin = margin;
  }

  /**
   * @param rngOrNull random source for augmentation, or null for the plain crop (evaluation)
   */
  public Sample make(LabelledFace face, Random rngOrNull) {
    return rngOrNull == null
        ? make(face, Augmentation.none(), null)
        : make(face, Augmentation.random(rngOrNull), rngOrNull);
  }

  /**
   * @param noise random source for salt-and-pepper pixels; may be null when the augmentation has
   *     none
   */
  public Sample make(LabelledFace face, Augmentation aug, Random noise) {
    if (aug.saltAndPepper() && noise == null) {
      throw new IllegalArgumentException("salt-and-pepper needs a random source");
    }
    DecodedImage photo = images.get(face.image());
    HeadPose pose =
        face.pose() != null
            ? face.pose()
            : poses.estimate(face.landmarks(), photo.width(), photo.height());
    Affine2d toCrop = cropTransform(face.landmarks(), aug);
    float[] landmarks = toCrop.apply(face.landmarks());
    float roll = wrap(pose.roll() + (float) Math.toDegrees(aug.rotation()));
    pose = new HeadPose(pose.yaw(), pose.pitch(), roll);
    if (aug.flip()) {
      toCrop = toCrop.then(new Affine2d(-1, 0, SIZE - 1, 0, 1, 0));
      landmarks = LandmarkMirror.flip(landmarks, SIZE - 1);
      pose = new HeadPose(-pose.yaw(), pose.pitch(), -pose.roll());
    }
    byte[] pixels = warp(photo, toCrop, aug);
    if (aug.saltAndPepper()) {
      addSaltAndPepper(pixels, noise);
    }
    return new Sample(pixels, landmarks, pose);
  }

  /** The map from photo pixels to crop pixels, before any mirroring. */
  Affine2d cropTransform(float[] landmarks, Augmentation aug) {
    float[] box = box(landmarks);
    double cx = (box[0] + box[2]) / 2;
    double cy = (box[1] + box[3]) / 2;
    Affine2d rotate =
        Affine2d.translate(-cx, -cy)
            .then(Affine2d.rotate(aug.rotation()))
            .then(Affine2d.translate(cx, cy));
    float[] rotatedBox = box(rotate.apply(landmarks));
    double side =
        Math.max(rotatedBox[2] - rotatedBox[0], rotatedBox[3] - rotatedBox[1]) * (1 + 2 * margin);
    side = Math.max(side, 1);
    double perPixel = side / SIZE; // photo pixels per crop pixel, for the extra margins
    double[] extra = aug.extraMargin();
    double left = (rotatedBox[0] + rotatedBox[2] - side) / 2 - extra[0] * perPixel;
    double top = (rotatedBox[1] + rotatedBox[3] - side) / 2 - extra[1] * perPixel;
    double width = side + (extra[0] + extra[2]) * perPixel;
    double height = side + (extra[1] + extra[3]) * perPixel;
    double centre = (SIZE - 1) / 2.0;
    return rotate
        .then(Affine2d.translate(-left, -top))
        .then(Affine2d.scale(SIZE / width, SIZE / height))
        .then(Affine2d.translate(-0.5 - centre, -0.5 - centre))
        .then(Affine2d.scale(aug.scaleX(), aug.scaleY()))
        .then(Affine2d.translate(centre + aug.shiftX() * SIZE, centre + aug.shiftY() * SIZE));
  }

  private static byte[] warp(DecodedImage photo, Affine2d map, Augmentation aug) {
    byte[] out = new byte[SIZE * SIZE * 3];
    try (PointerScope scope = new PointerScope()) {
      Mat src = new Mat(photo.height(), photo.width(), CV_8UC3, new BytePointer(photo.bgr()));
      Mat matrix = PoseFromLandmarks.filled(2, 3, map.toArray());
      Mat dst = new Mat();
      warpAffine(
          src, dst, matrix, new Size(SIZE, SIZE), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0.0));
      if (aug.contrast() != 1 || aug.brightness() != 0) {
        dst.convertTo(dst, -1, aug.contrast(), aug.brightness()); // saturates to 0..255
      }
      if (!aug.pixels().isNone()) {
        dst = CropDegrader.apply(dst, aug.pixels());
      }
      dst.data().get(out);
    }
    return out;
  }

  private static void addSaltAndPepper(byte[] bgr, Random rng) {
    int pixels = SIZE * SIZE;
    int count = (int) Math.round(pixels * Augmentation.SALT_AND_PEPPER_AMOUNT);
    for (int k = 0; k < count; k++) {
      int p = rng.nextInt(pixels) * 3;
      byte v = rng.nextBoolean() ? (byte) 255 : 0;
      bgr[p] = v;
      bgr[p + 1] = v;
      bgr[p + 2] = v;
    }
  }

  /** min x, min y, max x, max y of interleaved points. */
  static float[] box(float[] xy) {
    float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < xy.length; i += 2) {
      b[0] = Math.min(b[0], xy[i]);
      b[1] = Math.min(b[1], xy[i + 1]);
      b[2] = Math.max(b[2], xy[i]);
      b[3] = Math.max(b[3], xy[i + 1]);
    }
    return b;
  }

  private static float wrap(float degrees) {
    float d = degrees % 360f;
    return d > 180f ? d - 360f : d <= -180f ? d + 360f : d;
  }
}
