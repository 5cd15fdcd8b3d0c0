package io.asmnet.cli.clip;

import java.util.SplittableRandom;

/**
 * Smooth motion over one segment: each of pan x, pan y, zoom and rotation is a sinusoid of time
 * with its own frequency (0.15-0.5 Hz, so a 5 s segment sees one or two swings) and phase, drawn
 * from a seed. Deterministic and immutable.
 */
final class MotionPath {
  private static final double MIN_HZ = 0.15;
  private static final double MAX_HZ = 0.5;

  private final ClipSpec spec;
  private final double[] hz = new double[4];
  private final double[] phase = new double[4];

  MotionPath(ClipSpec spec, long seed) {
    this.spec = spec;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 4; i++) {
      hz[i] = MIN_HZ + (MAX_HZ - MIN_HZ) * random.nextDouble();
      phase[i] = 2 * Math.PI * random.nextDouble();
    }
  }

  /** The motion at a frame index within the segment (0-based). */
  Motion at(int frame) {
    double t = (double) frame / spec.fps();
    double midZoom = (spec.minZoom() + spec.maxZoom()) / 2;
    double halfZoom = (spec.maxZoom() - spec.minZoom()) / 2;
    return new Motion(
        spec.maxPanPx() * wave(0, t),
        spec.maxPanPx() * wave(1, t),
        midZoom + halfZoom * wave(2, t),
        spec.maxRotationDeg() * wave(3, t));
  }

  private double wave(int component, double t) {
    return Math.sin(2 * Math.PI * hz[component] * t + phase[component]);
  }
}
