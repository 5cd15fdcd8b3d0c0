package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceBox;

/**
 * Where a face crop sits in the frame: a square of side {@code side} frame pixels with its
 * top-left corner at ({@code x0}, {@code y0}), scaled to 224x224. The square is centred on the
 * box and its side is the box's longer side plus {@link #MARGIN} of it on each side, the same
 * margin the trainer crops its training faces with. This is the one place that margin lives.
 */
public record CropGeometry(double x0, double y0, double side) {
  /** Margin added on each side of the face box, as a fraction of the box's longer side. */
  public static final double MARGIN = 0.10;

  public CropGeometry {
    if (!(side > 0)) {
      throw new IllegalArgumentException("crop side must be positive: " + side);
    }
  }

  public static CropGeometry of(FaceBox box) {
    double side = Math.max(box.w(), box.h()) * (1 + 2 * MARGIN);
    double cx = box.x() + box.w() / 2.0;
    double cy = box.y() + box.h() / 2.0;
    return new CropGeometry(cx - side / 2, cy - side / 2, side);
  }

  /** Crop pixels per frame pixel. */
  public double scale() {
    return LandmarkModel.SIZE / side;
  }

  public float toFrameX(float cropX) {
    return (float) (x0 + cropX / scale());
  }

  public float toFrameY(float cropY) {
    return (float) (y0 + cropY / scale());
  }
}
