package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceRoi;

/**
 * Where a face crop sits in the frame: the square of side {@code side} frame pixels centred on
 * ({@code cx}, {@code cy}), resized to 224x224. The model only knows faces framed as the trainer
 * frames them: centred on the landmarks' bounding box, side its larger side ("extent") plus the
 * model's crop margin of it on each side ({@link ModelContract#cropMargin}, read from the model):
 * {@link #of} takes both straight from the face's {@link FaceRoi}.
 *
 * <p>Pixel-index coordinates (pixel centres at integers, as landmarks are given): {@code x_crop =
 * (x - cx) * 224 / side + 111.5}, the same for y, as the trainer crops. A box turned by an angle
 * gives a crop turned by it, so the face comes out upright: {@code (x_crop, y_crop) = R(-angle) (x
 * - cx, y - cy) * 224 / side + 111.5}, and landmarks go back through {@code R(angle)}.
 *
 * @param angle the crop's turn in the frame, radians, clockwise (0: axis-aligned)
 */
public record CropGeometry(double cx, double cy, double side, double angle) {
  /** The crop's centre in crop pixel-index coordinates: (224 - 1) / 2. */
  static final double CENTRE = (LandmarkModel.SIZE - 1) / 2.0;

  public CropGeometry {
    if (!(side > 0)) {
      throw new IllegalArgumentException("crop side must be positive: " + side);
    }
  }

  /** An axis-aligned crop. */
  public CropGeometry(double cx, double cy, double side) {
    this(cx, cy, side, 0);
  }

  /**
   * The trainer's crop of the face at {@code roi}, turned with it.
   *
   * @param margin crop margin per side, fraction of the extent (the model's {@link ModelContract})
   */
  public static CropGeometry of(FaceRoi roi, double margin) {
    return new CropGeometry(
        roi.centreX(), roi.centreY(), roi.extent() * (1 + 2 * margin), roi.angle());
  }

  /** Crop pixels per frame pixel. */
  public double scale() {
    return LandmarkModel.SIZE / side;
  }

  /**
   * The frame-to-crop affine map, row-major 2x3: {@code x_crop = m[0] x + m[1] y + m[2]}, {@code
   * y_crop = m[3] x + m[4] y + m[5]}.
   */
  double[] affine() {
    double s = scale();
    double c = Math.cos(angle) * s;
    double n = Math.sin(angle) * s;
    return new double[] {c, n, CENTRE - (c * cx + n * cy), -n, c, CENTRE - (-n * cx + c * cy)};
  }

  /** Frame x of a crop point. */
  public float toFrameX(float cropX, float cropY) {
    double dx = (cropX - CENTRE) / scale();
    double dy = (cropY - CENTRE) / scale();
    return (float) (cx + Math.cos(angle) * dx - Math.sin(angle) * dy);
  }

  /** Frame y of a crop point. */
  public float toFrameY(float cropX, float cropY) {
    double dx = (cropX - CENTRE) / scale();
    double dy = (cropY - CENTRE) / scale();
    return (float) (cy + Math.sin(angle) * dx + Math.cos(angle) * dy);
  }

  /** The crop's turn in degrees, clockwise: what the model's roll is relative to. */
  public double angleDegrees() {
    return Math.toDegrees(angle);
  }
}
