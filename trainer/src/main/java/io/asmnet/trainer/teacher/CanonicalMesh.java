package io.asmnet.trainer.teacher;

import io.asmnet.trainer.data.MeanFace3d;
import java.util.List;

/**
 * The mean FaceMesh shape the pose is measured against: 468 x (x, y, z), centred, unit RMS radius,
 * in the model frame of {@link io.asmnet.trainer.data.PoseConvention} (a frontal face: x to image
 * right, y down, z away from the camera).
 *
 * <p>Learned by generalised Procrustes analysis of training meshes (each centred and scaled to unit
 * RMS, rotated onto the running mean, {@value #ITERATIONS} rounds), then turned into the project's
 * frame by the rotation that best fits its mapped 68 points onto {@link MeanFace3d}, the same 3-D
 * face {@code PoseFromLandmarks} uses, so both poses share one zero.
 */
public record CanonicalMesh(double[] xyz) {
  static final int ITERATIONS = 10;

  public CanonicalMesh {
    if (xyz.length != 3 * Mesh.VERTICES) {
      throw new IllegalArgumentException("expected " + 3 * Mesh.VERTICES + " coordinates");
    }
  }

  /** Learns the mean of the meshes (at least one) in the project frame. */
  public static CanonicalMesh learn(List<Mesh> meshes, MeshMapping mapping) {
    if (meshes.isEmpty()) {
      throw new IllegalArgumentException("no meshes");
    }
    double[][] shapes =
        meshes.stream().map(m -> normalised(toDouble(m.xyz()))).toArray(double[][]::new);
    double[] mean = normalised(average(shapes));
    for (int it = 0; it < ITERATIONS; it++) {
      double[][] aligned = new double[shapes.length][];
      for (int i = 0; i < shapes.length; i++) {
        aligned[i] = SimilarityFit.rotate(SimilarityFit.of(shapes[i], mean).rotation(), shapes[i]);
      }
      mean = normalised(average(aligned));
    }
    float[] asFloat = new float[mean.length];
    for (int i = 0; i < mean.length; i++) {
      asFloat[i] = (float) mean[i];
    }
    double[] face68 = mapping.apply3d(asFloat);
    double[] toProject = SimilarityFit.of(face68, MeanFace3d.points()).rotation();
    double[] out = SimilarityFit.rotate(toProject, mean);
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(out[i] * 1e5) / 1e5; // a compact file; 1e-5 of the face radius
    }
    return new CanonicalMesh(out);
  }

  static double[] toDouble(float[] xyz) {
    double[] d = new double[xyz.length];
    for (int i = 0; i < xyz.length; i++) {
      d[i] = xyz[i];
    }
    return d;
  }

  private static double[] average(double[][] shapes) {
    double[] sum = new double[shapes[0].length];
    for (double[] s : shapes) {
      for (int i = 0; i < s.length; i++) {
        sum[i] += s[i] / shapes.length;
      }
    }
    return sum;
  }

  private static double[] normalised(double[] xyz) {
    double[] c = SimilarityFit.centred(xyz);
    double ss = 0;
    for (double v : c) {
      ss += v * v;
    }
    double rms = Math.sqrt(ss / (c.length / 3));
    for (int i = 0; i < c.length; i++) {
      c[i] /= rms;
    }
    return c;
  }
}
