package io.asmnet.trainer.tfjs;

import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.teacher.MeshCrop;

/** Test helper: a square region of a photo, resized, as an NHWC RGB float tensor. */
public record FaceCrop(double x0, double y0, double side, int size, float[] nhwc) {
  /**
   * The square of {@code side} photo pixels centred on (cx, cy), resized to size x size (bilinear,
   * black outside the photo), RGB values mapped from 0..255 to lo..hi.
   */
  public static FaceCrop of(
      DecodedImage photo, double cx, double cy, double side, int size, float lo, float hi) {
    float[] rgb = new MeshCrop(cx, cy, side).nhwc(photo, size, lo, hi);
    return new FaceCrop(cx - side / 2, cy - side / 2, side, size, rgb);
  }

  /** Crop pixel coordinates back to photo pixels. */
  public double[] toPhoto(double u, double v) {
    return new double[] {x0 + u * side / size, y0 + v * side / size};
  }
}
