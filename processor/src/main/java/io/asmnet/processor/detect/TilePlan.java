package io.asmnet.processor.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Which square regions of a frame the full-range detector runs on. Level 0 is the whole frame,
 * letterboxed; it sees faces down to {@link #MIN_INPUT_FACE} input pixels, so {@code MIN_INPUT_FACE
 * * max(width, height) / inputSize} frame pixels. While that is larger than the smallest face
 * wanted, a level of tiles half the side is added, overlapping by a quarter so that a face too
 * small for the level above lies whole inside some tile. A 640x480 frame needs one run for faces
 * from 48 px; a 1920x1080 frame 1 + 3x2 + 5x3 runs for faces from 36 px.
 */
record TilePlan(List<Region> regions) {
  /**
   * Smallest face, in model input pixels, that the full-range model finds reliably (found by
   * shrinking dlib's photos: docs/DESIGN-NOTES.md#detector-thresholds).
   */
  static final double MIN_INPUT_FACE = 19;

  static final double OVERLAP = 0.25;

  /**
   * A square region in continuous frame coordinates; level 0 is the whole frame, tiles are 1 and
   * up.
   */
  record Region(double x0, double y0, double side, int level) {}

  TilePlan {
    regions = List.copyOf(regions);
  }

  static TilePlan of(int width, int height, int inputSize, int minFaceSize) {
    List<Region> out = new ArrayList<>();
    double side = Math.max(width, height);
    out.add(new Region((width - side) / 2, (height - side) / 2, side, 0));
    int level = 0;
    while (MIN_INPUT_FACE * side / inputSize > minFaceSize && side / 2 >= inputSize) {
      side /= 2;
      level++;
      double stride = side * (1 - OVERLAP);
      for (double y : starts(height, side, stride)) {
        for (double x : starts(width, side, stride)) {
          out.add(new Region(x, y, side, level));
        }
      }
    }
    return new TilePlan(out);
  }

  /** Tile origins along one axis: evenly spread, first at 0, last flush with the far edge. */
  private static List<Double> starts(int length, double side, double stride) {
    if (side >= length) {
      return List.of((length - side) / 2);
    }
    int n = (int) Math.ceil((length - side) / stride) + 1;
    List<Double> s = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      s.add((length - side) * i / (n - 1));
    }
    return s;
  }
}
