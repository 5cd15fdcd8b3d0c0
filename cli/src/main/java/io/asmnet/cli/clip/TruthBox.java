package io.asmnet.cli.clip;

/**
 * An axis-aligned box in frame pixels, origin top-left.
 *
 * @param x left edge
 * @param y top edge
 * @param w width, >= 0
 * @param h height, >= 0
 */
public record TruthBox(double x, double y, double w, double h) {
  public TruthBox {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !(w >= 0) || !(h >= 0)) {
      throw new IllegalArgumentException("box must be finite with w, h >= 0");
    }
  }

  /** The tight box around interleaved x, y points. */
  public static TruthBox around(float[] xy) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < xy.length; i += 2) {
      minX = Math.min(minX, xy[i]);
      maxX = Math.max(maxX, xy[i]);
      minY = Math.min(minY, xy[i + 1]);
      maxY = Math.max(maxY, xy[i + 1]);
    }
    return new TruthBox(minX, minY, maxX - minX, maxY - minY);
  }

  /** Intersection over union with another box; 0 when both are empty. */
  public double iou(TruthBox other) {
    double ix = Math.max(0, Math.min(x + w, other.x + other.w) - Math.max(x, other.x));
    double iy = Math.max(0, Math.min(y + h, other.y + other.h) - Math.max(y, other.y));
    double inter = ix * iy;
    double union = w * h + other.w * other.h - inter;
    return union > 0 ? inter / union : 0;
  }
}
