package io.asmnet.cli.clip;

/**
 * The motion applied to one frame, on top of fitting the photo into the frame.
 *
 * @param panX shift right, pixels
 * @param panY shift down, pixels
 * @param zoom scale about the frame centre (1 = none)
 * @param rotationDeg in-plane rotation about the frame centre, degrees, clockwise positive
 */
public record Motion(double panX, double panY, double zoom, double rotationDeg) {
  public Motion {
    if (!Double.isFinite(panX)
        || !Double.isFinite(panY)
        || !Double.isFinite(rotationDeg)
        || !(zoom > 0)
        || Double.isInfinite(zoom)) {
      throw new IllegalArgumentException("motion must be finite with zoom > 0");
    }
  }
}
