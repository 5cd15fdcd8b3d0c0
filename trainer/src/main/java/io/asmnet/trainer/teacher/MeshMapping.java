package io.asmnet.trainer.teacher;

/**
 * A 468 -> 68 point mapping: each of the 68 iBUG points is a weighted mean of one or two mesh
 * vertices' image positions (weights sum to 1). Learned by {@link MappingLearner}.
 *
 * @param vertices per point, the vertex indices (1 or 2)
 * @param weights per point, the matching weights
 */
public record MeshMapping(int[][] vertices, double[][] weights) {
  /** Points of the target scheme. */
  public static final int POINTS = 68;

  public MeshMapping {
    if (vertices.length != POINTS || weights.length != POINTS) {
      throw new IllegalArgumentException("expected " + POINTS + " points");
    }
    for (int i = 0; i < POINTS; i++) {
      if (vertices[i].length == 0 || vertices[i].length != weights[i].length) {
        throw new IllegalArgumentException(
            "point " + i + ": vertices and weights differ in length");
      }
      double sum = 0;
      for (int j = 0; j < vertices[i].length; j++) {
        if (vertices[i][j] < 0 || vertices[i][j] >= Mesh.VERTICES) {
          throw new IllegalArgumentException("point " + i + ": no vertex " + vertices[i][j]);
        }
        sum += weights[i][j];
      }
      if (Math.abs(sum - 1) > 1e-6) {
        throw new IllegalArgumentException("point " + i + ": weights sum to " + sum);
      }
    }
  }

  /** The 68 points (136 floats, photo pixels) of a mesh. */
  public float[] apply(Mesh mesh) {
    float[] out = new float[2 * POINTS];
    for (int i = 0; i < POINTS; i++) {
      double x = 0;
      double y = 0;
      for (int j = 0; j < vertices[i].length; j++) {
        x += weights[i][j] * mesh.x(vertices[i][j]);
        y += weights[i][j] * mesh.y(vertices[i][j]);
      }
      out[2 * i] = (float) x;
      out[2 * i + 1] = (float) y;
    }
    return out;
  }

  /** The 68 points in 3-D (204 floats), the same weights applied to x, y and z. */
  public double[] apply3d(float[] xyz) {
    double[] out = new double[3 * POINTS];
    for (int i = 0; i < POINTS; i++) {
      for (int j = 0; j < vertices[i].length; j++) {
        for (int c = 0; c < 3; c++) {
          out[3 * i + c] += weights[i][j] * xyz[3 * vertices[i][j] + c];
        }
      }
    }
    return out;
  }
}
