package io.asmnet.processor.track;

/** Plausible frontal-face landmark sets (iBUG 68-point order) for tracker tests. */
final class SyntheticLandmarks {
  private SyntheticLandmarks() {}

  /** A frontal face of {@code size} pixels centred on ({@code cx}, {@code cy}). */
  static float[] face(float cx, float cy, float size) {
    float[] p = new float[136];
    float r = size / 2;
    for (int i = 0; i <= 16; i++) { // jaw, ear to ear through the chin
      double angle = Math.PI - Math.PI * i / 16;
      set(p, i, cx + r * Math.cos(angle), cy + r * Math.sin(angle));
    }
    for (int i = 17; i <= 26; i++) { // brows
      set(p, i, cx - 0.4 * size + 0.8 * size * (i - 17) / 9, cy - 0.45 * size);
    }
    for (int i = 27; i <= 35; i++) { // nose
      set(
          p,
          i,
          cx + (i < 31 ? 0 : 0.04 * size * (i - 33)),
          cy - 0.3 * size + 0.05 * size * Math.min(i - 27, 6));
    }
    ring(p, 36, 6, cx - 0.2 * size, cy - 0.25 * size, 0.05 * size); // eyes
    ring(p, 42, 6, cx + 0.2 * size, cy - 0.25 * size, 0.05 * size);
    ring(p, 48, 20, cx, cy + 0.25 * size, 0.12 * size); // mouth
    return p;
  }

  private static void ring(float[] p, int first, int count, double cx, double cy, double r) {
    for (int i = 0; i < count; i++) {
      double angle = 2 * Math.PI * i / count;
      set(p, first + i, cx + r * Math.cos(angle), cy + r * Math.sin(angle));
    }
  }

  private static void set(float[] p, int point, double x, double y) {
    p[2 * point] = (float) x;
    p[2 * point + 1] = (float) y;
  }
}
