package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceRegion;

/**
 * Where a face crop sits in the frame: the square of side {@code side} frame pixels centred on
 * ({@code cx}, {@code cy}), resized to 224x224. The model only knows faces framed as the trainer
 * frames them ({@code SampleMaker}): centred on the landmarks' bounding box, side its larger side
 * ("extent") plus {@link #MARGIN} of it on each side. Every pipeline {@link FaceBox} is a {@link
 * FaceRegion} (larger and shifted up), so {@link #of} first recovers the landmark box from it.
 * This is the one place the margin lives; it must equal {@code SampleMaker.DEFAULT_MARGIN}.
 *
 * <p>Pixel-index coordinates (pixel centres at integers, as landmarks are given): {@code x_crop =
 * (x - cx) * 224 / side + 111.5}, the same for y, as the trainer crops.
 */
public record CropGeometry(double cx, double cy, double side) {
  /** Margin added on each side of the landmark box, as a fraction of its larger side. */
  public static final double MARGIN = 0.10;

  /** The crop's centre in crop pixel-index coordinates: (224 - 1) / 2. */
  static final double CENTRE = (LandmarkModel.SIZE - 1) / 2.0;

  public CropGeometry {
    if (!(side > 0)) {
      throw new IllegalArgumentException("crop side must be positive: " + side);
    }
  }

  /** The trainer's crop of the face whose {@link FaceRegion} is {@code region}. */
  public static CropGeometry of(FaceBox region) {
    double side = FaceRegion.extent(region) * (1 + 2 * MARGIN);
    return new CropGeometry(FaceRegion.landmarkCentreX(region), FaceRegion.landmarkCentreY(region), side);
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
