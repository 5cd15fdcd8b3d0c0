package io.asmnet.trainer.teacher;

import io.asmnet.trainer.eval.Nme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Learns a {@link MeshMapping} from faces that carry both a mesh and 68 labelled points: for each
 * point, the single vertex with the least mean error (in inter-ocular distances, as NME), or, when
 * it fits better, the best two-vertex blend among the {@value #CANDIDATES} best single vertices
 * (the weight solved in closed form by least squares, clamped to [0, 1] and rounded to {@value
 * #WEIGHT_STEP}). Deterministic: ties go to the lower vertex index.
 */
public final class MappingLearner {
  static final int CANDIDATES = 12;
  static final double WEIGHT_STEP = 0.05;

  /** One training face: its mesh and its labelled 68 points (photo pixels). */
  public record Pair(Mesh mesh, float[] truth) {
    public Pair {
      if (truth.length != 2 * MeshMapping.POINTS) {
        throw new IllegalArgumentException("expected 136 coordinates");
      }
    }
  }

  public MeshMapping learn(List<Pair> faces) {
    if (faces.isEmpty()) {
      throw new IllegalArgumentException("no faces to learn from");
    }
    double[] iod = faces.stream().mapToDouble(f -> interOcular(f.truth())).toArray();
    int[][] vertices = new int[MeshMapping.POINTS][];
    double[][] weights = new double[MeshMapping.POINTS][];
    for (int p = 0; p < MeshMapping.POINTS; p++) {
      double[] single = new double[Mesh.VERTICES];
      for (int v = 0; v < Mesh.VERTICES; v++) {
        single[v] = meanError(faces, iod, p, v, v, 1);
      }
      Integer[] order = new Integer[Mesh.VERTICES];
      Arrays.setAll(order, i -> i);
      Arrays.sort(
          order, Comparator.<Integer>comparingDouble(v -> single[v]).thenComparingInt(v -> v));
      int bestA = order[0];
      int bestB = order[0];
      double bestW = 1;
      double best = single[bestA];
      for (int i = 0; i < CANDIDATES; i++) {
        for (int j = i + 1; j < CANDIDATES; j++) {
          int a = Math.min(order[i], order[j]);
          int b = Math.max(order[i], order[j]);
          double w = blendWeight(faces, iod, p, a, b);
          double e = meanError(faces, iod, p, a, b, w);
          if (e < best - 1e-12) {
            best = e;
            bestA = a;
            bestB = b;
            bestW = w;
          }
        }
      }
      if (bestA == bestB || bestW >= 1) {
        vertices[p] = new int[] {bestA};
        weights[p] = new double[] {1};
      } else if (bestW <= 0) {
        vertices[p] = new int[] {bestB};
        weights[p] = new double[] {1};
      } else {
        vertices[p] = new int[] {bestA, bestB};
        weights[p] = new double[] {bestW, 1 - bestW};
      }
    }
    return new MeshMapping(vertices, weights);
  }

  /** Least-squares w for w a + (1 - w) b ~ truth, weighting each face by 1 / iod^2. */
  private static double blendWeight(List<Pair> faces, double[] iod, int p, int a, int b) {
    double num = 0;
    double den = 0;
    for (int f = 0; f < faces.size(); f++) {
      Mesh m = faces.get(f).mesh();
      float[] t = faces.get(f).truth();
      double dx = m.x(a) - m.x(b);
      double dy = m.y(a) - m.y(b);
      double k = 1 / (iod[f] * iod[f]);
      num += k * (dx * (t[2 * p] - m.x(b)) + dy * (t[2 * p + 1] - m.y(b)));
      den += k * (dx * dx + dy * dy);
    }
    double w = den > 0 ? num / den : 1;
    w = Math.max(0, Math.min(1, w));
    return Math.round(w / WEIGHT_STEP) * WEIGHT_STEP;
  }

  private static double meanError(List<Pair> faces, double[] iod, int p, int a, int b, double w) {
    double sum = 0;
    for (int f = 0; f < faces.size(); f++) {
      Mesh m = faces.get(f).mesh();
      float[] t = faces.get(f).truth();
      double x = w * m.x(a) + (1 - w) * m.x(b);
      double y = w * m.y(a) + (1 - w) * m.y(b);
      sum += Math.hypot(x - t[2 * p], y - t[2 * p + 1]) / iod[f];
    }
    return sum / faces.size();
  }

  static double interOcular(float[] xy) {
    return Math.hypot(xy[2 * 45] - xy[2 * 36], xy[2 * 45 + 1] - xy[2 * 36 + 1]);
  }

  /** Mean NME of a mapping over faces (the {@code eval.Nme} definition). */
  public static double meanNme(MeshMapping mapping, List<Pair> faces) {
    List<Double> all = new ArrayList<>();
    for (Pair f : faces) {
      all.add(Nme.of(mapping.apply(f.mesh()), f.truth()));
    }
    return all.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
