package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceBox;

/**
 * Where a face crop sits in the frame: the square of side {@code side} frame pixels centred on
 * ({@code cx}, {@code cy}), resized to 224x224. The square is centred on the box and its side is
 * the box's longer side plus {@link #MARGIN} of it on each side. This is the one place that
 * margin lives, and it must equal the trainer's ({@code SampleMaker.DEFAULT_MARGIN}): the model
 * only knows faces framed that way.
 *
 * <p>Pixel-index coordinates (pixel centres at integers, as landmarks are given): {@code x_crop =
 * (x - cx) * 224 / side + 111.5}, the same for y, as the trainer crops.
 */
public record CropGeometry(double cx, double cy, double side) {
  /** Margin added on each side of the face box, as a fraction of the box's longer side. */
  public static final double MARGIN = 0.10;

  /** The crop's centre in crop pixel-index coordinates: (224 - 1) / 2. */
  static final double CENTRE = (LandmarkModel.SIZE - 1) / 2.0;

  public CropGeometry {
    if (!(side > 0)) {
      throw new IllegalArgumentException("crop side must be positive: " + side);
    }
  }

  public static CropGeometry of(FaceBox box) {
    double side = Math.max(box.w(), box.h()) * (1 + 2 * MARGIN);
    return new CropGeometry(box.x() + box.w() / 2.0, box.y() + box.h() / 2.0, side);
  }

  /** Crop pixels per frame pixel. */
  public double scale() {
    return LandmarkModel.SIZE / side;
  }

  /** The translation of the frame-to-crop affine map, x part. */
  double offsetX() {
    return CENTRE - cx * scale();
  }

  double offsetY() {
    return CENTRE - cy * scale();
  }

  public float toFrameX(float cropX) {
    return (float) (cx + (cropX - CENTRE) / scale());
  }

  public float toFrameY(float cropY) {
    return (float) (cy + (cropY - CENTRE) / scale());
  }
}
