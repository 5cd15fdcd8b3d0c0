package io.asmnet.trainer.data;

/**
 * A 2D affine map of pixel coordinates (y down): x' = a x + b y + c, y' = d x + e y + f. The same
 * map moves landmarks and (through OpenCV {@code warpAffine}) image content.
 */
public record Affine2d(double a, double b, double c, double d, double e, double f) {
  public static final Affine2d IDENTITY = new Affine2d(1, 0, 0, 0, 1, 0);

  public static Affine2d translate(double tx, double ty) {
    return new Affine2d(1, 0, tx, 0, 1, ty);
  }

  public static Affine2d scale(double sx, double sy) {
    return new Affine2d(sx, 0, 0, 0, sy, 0);
  }

  /** Rotation about the origin by theta radians, clockwise on screen for theta > 0 (y down). */
  public static Affine2d rotate(double theta) {
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    return new Affine2d(cos, -sin, 0, sin, cos, 0);
  }

  /** The map "this, then next". */
  public Affine2d then(Affine2d next) {
    return new Affine2d(
        next.a * a + next.b * d,
        next.a * b + next.b * e,
        next.a * c + next.b * f + next.c,
        next.d * a + next.e * d,
        next.d * b + next.e * e,
        next.d * c + next.e * f + next.f);
  }

  /** Applies the map to interleaved x, y coordinates (a new array). */
  public float[] apply(float[] xy) {
    float[] out = new float[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      out[i] = (float) (a * xy[i] + b * xy[i + 1] + c);
      out[i + 1] = (float) (d * xy[i] + e * xy[i + 1] + f);
    }
    return out;
  }

  /** Row-major 2 x 3 values, as OpenCV's affine matrices. */
  public double[] toArray() {
    return new double[] {a, b, c, d, e, f};
  }
}
