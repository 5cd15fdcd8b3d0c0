package io.asmnet.cli.bench;

import java.nio.file.Path;

/**
 * A 4:3 window of a photo that holds 1-3 labelled faces, in photo pixels, and how far it may pan
 * sideways and up/down without cutting those faces.
 *
 * @param faces labelled faces whose box lies fully inside the window
 * @param smallestFace width of the smallest of them, photo pixels
 * @param panX largest horizontal shift either way that keeps the faces inside and the window on the
 *     photo
 * @param panY the same, vertically
 */
public record Scene(
    Path photo, int x, int y, int w, int h, int faces, float smallestFace, int panX, int panY) {
  public Scene {
    if (w <= 0 || h <= 0 || x < 0 || y < 0) {
      throw new IllegalArgumentException("bad window " + x + "," + y + " " + w + "x" + h);
    }
    if (faces < 1 || faces > 3) {
      throw new IllegalArgumentException("a scene holds 1-3 faces: " + faces);
    }
    if (panX < 0 || panY < 0) {
      throw new IllegalArgumentException("pan must not be negative");
    }
  }

  /** How much the window is magnified when it is scaled to {@code width} pixels. */
  public double scaleTo(int width) {
    return (double) width / w;
  }
}
