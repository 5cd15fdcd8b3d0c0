package io.asmnet.trainer.teacher;

/**
 * One FaceMesh result in photo coordinates.
 *
 * @param xyz 468 x (x, y, z): x, y in 0-based photo pixels; z in the same pixel scale, relative
 *     depth (smaller is nearer the camera), as FaceMesh gives it, only rescaled from crop pixels
 * @param faceFlag the network's face score in [0, 1]
 */
public record Mesh(float[] xyz, float faceFlag) {
  /** Vertices of the mesh. */
  public static final int VERTICES = 468;

  public Mesh {
    if (xyz.length != 3 * VERTICES) {
      throw new IllegalArgumentException(
          "expected " + 3 * VERTICES + " coordinates, got " + xyz.length);
    }
  }

  public float x(int v) {
    return xyz[3 * v];
  }

  public float y(int v) {
    return xyz[3 * v + 1];
  }

  public float z(int v) {
    return xyz[3 * v + 2];
  }
}
