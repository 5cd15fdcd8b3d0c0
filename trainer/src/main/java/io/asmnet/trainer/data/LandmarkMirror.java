package io.asmnet.trainer.data;

/**
 * The left-right mirror of the iBUG 68-point layout: after a horizontal flip, the point that was
 * the left eye's outer corner (36) sits where the right one's (45) was, so the indices must be
 * permuted as well as the x coordinates mirrored.
 */
public final class LandmarkMirror {
  private static final int[] PERMUTATION = buildPermutation();

  private LandmarkMirror() {}

  /** Index of the point that a point becomes after a horizontal flip (an involution). */
  public static int mirrorOf(int index) {
    return PERMUTATION[index];
  }

  /**
   * Mirrors 136 coordinates horizontally about a vertical axis: x becomes {@code axisSum - x} (for
   * pixel coordinates of an image of width w flipped with OpenCV, axisSum = w - 1), y is kept, and
   * the points are renumbered by the mirror permutation.
   */
  public static float[] flip(float[] landmarks, float axisSum) {
    float[] out = new float[landmarks.length];
    for (int i = 0; i < MeanFace3d.POINTS; i++) {
      int j = PERMUTATION[i];
      out[2 * j] = axisSum - landmarks[2 * i];
      out[2 * j + 1] = landmarks[2 * i + 1];
    }
    return out;
  }

  private static int[] buildPermutation() {
    int[] p = new int[MeanFace3d.POINTS];
    for (int i = 0; i < p.length; i++) {
      p[i] = i; // nose ridge 27-30, 33, 51, 57, 62, 66 stay on the midline
    }
    pairs(p, 0, 16, 8); // jaw 0..16
    pairs(p, 17, 26, 5); // eyebrows
    pairs(p, 31, 35, 2); // nostrils
    // eyes: the outer corner 36 <-> 45, upper lids 37,38 <-> 44,43, inner corner 39 <-> 42,
    // lower lids 40,41 <-> 47,46
    swap(p, 36, 45);
    swap(p, 37, 44);
    swap(p, 38, 43);
    swap(p, 39, 42);
    swap(p, 40, 47);
    swap(p, 41, 46);
    pairs(p, 48, 54, 3); // outer upper lip
    pairs(p, 55, 59, 2); // outer lower lip
    pairs(p, 60, 64, 2); // inner upper lip
    swap(p, 65, 67); // inner lower lip
    return p;
  }

  /** Pairs first+k with last-k for k < count. */
  private static void pairs(int[] p, int first, int last, int count) {
    for (int k = 0; k < count; k++) {
      swap(p, first + k, last - k);
    }
  }

  private static void swap(int[] p, int a, int b) {
    p[a] = b;
    p[b] = a;
  }
}
