package io.asmnet.processor.detect;

/**
 * The 896 anchor centres of MediaPipe's BlazeFace detectors, in the unit square of the model input:
 * a 16x16 grid with 2 anchors per cell, then an 8x8 grid with 6 per cell (MediaPipe's SSD anchor
 * options for these models: fixed anchor size 1, so only the centres matter). The order is the
 * order of the models' outputs: row by row, the anchors of one cell together.
 */
final class BlazeFaceAnchors {
  static final int COUNT = 16 * 16 * 2 + 8 * 8 * 6;
  static final int FINE = 16 * 16 * 2;

  private static final float[] CENTRES = centres();

  private BlazeFaceAnchors() {}

  /** Centre x of anchor {@code i}, in [0, 1]. */
  static float x(int i) {
    return CENTRES[2 * i];
  }

  /** Centre y of anchor {@code i}, in [0, 1]. */
  static float y(int i) {
    return CENTRES[2 * i + 1];
  }

  private static float[] centres() {
    float[] c = new float[2 * COUNT];
    int i = 0;
    i = grid(c, i, 16, 2);
    grid(c, i, 8, 6);
    return c;
  }

  private static int grid(float[] c, int i, int cells, int perCell) {
    for (int y = 0; y < cells; y++) {
      for (int x = 0; x < cells; x++) {
        for (int a = 0; a < perCell; a++) {
          c[2 * i] = (x + 0.5f) / cells;
          c[2 * i + 1] = (y + 0.5f) / cells;
          i++;
        }
      }
    }
    return i;
  }
}
