package io.asmnet.processor.detect;

/**
 * A face box in frame pixels (origin top-left) with a confidence in [0, 1]: the {@link FaceRegion}
 * of a face, a square from the middle of the forehead to just below the chin that contains all 68
 * landmarks. What an event reports (made in emit from the face's {@link FaceRoi}, {@link
 * FaceRegion#box}) and what tests score detectors by; the stages themselves pass {@link FaceRoi}s.
 *
 * @param angle the face's in-plane rotation, radians, clockwise in the image: the square is turned
 *     by it about its centre ({@code x + w / 2}, {@code y + h / 2}), so {@code x, y, w, h} are the
 *     square before turning. 0 for an upright face, and whenever crops are kept axis-aligned
 */
public record FaceBox(float x, float y, float w, float h, float score, float angle) {
  public FaceBox {
    if (!(w > 0 && h > 0)) {
      throw new IllegalArgumentException("box size must be positive: " + w + "x" + h);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    if (!Float.isFinite(angle)) {
      throw new IllegalArgumentException("angle must be finite: " + angle);
    }
  }

  /** An upright (axis-aligned) box. */
  public FaceBox(float x, float y, float w, float h, float score) {
    this(x, y, w, h, score, 0f);
  }

  public float centreX() {
    return x + w / 2;
  }

  public float centreY() {
    return y + h / 2;
  }

  /** Intersection over union of the two boxes as axis-aligned rectangles (their angles ignored). */
  public double iou(FaceBox o) {
    double ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
    double iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
    double inter = ix * iy;
    return inter / ((double) w * h + (double) o.w * o.h - inter);
  }

  /** The smallest axis-aligned box holding the turned square: what an event reports. */
  public FaceBox bounds() {
    if (angle == 0f) {
      return this;
    }
    double c = Math.abs(Math.cos(angle));
    double s = Math.abs(Math.sin(angle));
    float bw = (float) (w * c + h * s);
    float bh = (float) (w * s + h * c);
    return new FaceBox(centreX() - bw / 2, centreY() - bh / 2, bw, bh, score, 0f);
  }
}
