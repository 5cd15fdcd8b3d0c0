package io.asmnet.trainer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsmOperatorTest {
  private static final int D = 136;

  /** Random orthonormal directions, so the test does not lean on coordinate axes. */
  private static double[][] orthonormal(int count, Random rng) {
    double[][] basis = new double[count][D];
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < D; i++) {
        basis[k][i] = rng.nextGaussian();
      }
      for (int j = 0; j < k; j++) {
        double dot = 0;
        for (int i = 0; i < D; i++) {
          dot += basis[k][i] * basis[j][i];
        }
        for (int i = 0; i < D; i++) {
          basis[k][i] -= dot * basis[j][i];
        }
      }
      double norm = Math.sqrt(java.util.Arrays.stream(basis[k]).map(x -> x * x).sum());
      for (int i = 0; i < D; i++) {
        basis[k][i] /= norm;
      }
    }
    return basis;
  }

  /**
   * All 16 sign combinations of (+-a1, .., +-a4) along four directions: the sample covariance is
   * then exactly diagonal in that basis with variances proportional to 50, 30, 15, 5.
   */
  private static List<float[]> factorialShapes(double[][] basis, double[] mean) {
    double[] sd = {Math.sqrt(50), Math.sqrt(30), Math.sqrt(15), Math.sqrt(5)};
    List<float[]> shapes = new ArrayList<>();
    for (int mask = 0; mask < 16; mask++) {
      float[] s = new float[D];
      for (int i = 0; i < D; i++) {
        double x = mean[i];
        for (int k = 0; k < 4; k++) {
          x += ((mask >> k & 1) == 1 ? 1 : -1) * 0.01 * sd[k] * basis[k][i];
        }
        s[i] = (float) x;
      }
      shapes.add(s);
    }
    return shapes;
  }

  private final Random rng = new Random(7);
  private final double[][] basis = orthonormal(4, rng);
  private final double[] mean = rng.doubles(D, -0.5, 0.5).toArray();
  private final List<float[]> shapes = factorialShapes(basis, mean);

  @Test
  void shouldPickTheFewestComponentsForTheVarianceTarget() {
    // cumulative shares: 50 %, 80 %, 95 %, 100 % (float shapes: exact boundaries are not tested)
    assertThat(AsmFitter.fit(shapes, 0.9).components().length).isEqualTo(3);
    assertThat(AsmFitter.fit(shapes, 0.79).components().length).isEqualTo(2);
    assertThat(AsmFitter.fit(shapes, 0.85).components().length).isEqualTo(3);
    assertThat(AsmFitter.fit(shapes, 0.97).components().length).isEqualTo(4);
    assertThat(AsmFitter.fit(shapes, 0.49).components().length).isEqualTo(1);
    assertThat(AsmFitter.fit(shapes, 0.9).varianceKept()).isCloseTo(0.95, offset(1e-4));
  }

  @Test
  void shouldRecoverTheGeneratingDirections() {
    AsmOperator asm = AsmFitter.fit(shapes, 0.9);
    double dot = 0;
    for (int i = 0; i < D; i++) {
      dot += asm.components()[0][i] * basis[0][i];
    }
    assertThat(Math.abs(dot)).isCloseTo(1.0, offset(1e-4));
    assertThat(asm.eigenvalues()[0] / asm.eigenvalues()[1]).isCloseTo(50.0 / 30, offset(1e-3));
  }

  @Test
  void shouldCountComponentsOnExactVariances() {
    double[] values = {60, 25, 15};
    assertThat(AsmFitter.componentsFor(values, 0.9)).isEqualTo(3);
    assertThat(AsmFitter.componentsFor(values, 0.85)).isEqualTo(2);
    assertThat(AsmFitter.componentsFor(values, 0.6)).isEqualTo(1);
    assertThat(AsmFitter.componentsFor(values, 0.61)).isEqualTo(2);
  }

  @Test
  void shouldMapTheMeanToItself() {
    AsmOperator asm = AsmFitter.fit(shapes, 0.9);
    float[] m = new float[D];
    for (int i = 0; i < D; i++) {
      m[i] = (float) asm.mean()[i];
    }
    assertThat(asm.apply(m)).containsExactly(m, offset(1e-6f));
  }

  @Test
  void shouldBeIdempotent() {
    AsmOperator asm = AsmFitter.fit(shapes, 0.9);
    float[] noisy = shapes.get(5).clone();
    for (int i = 0; i < D; i++) {
      noisy[i] += (float) (0.05 * rng.nextGaussian());
    }
    float[] once = asm.apply(noisy);
    assertThat(once).isNotEqualTo(noisy);
    assertThat(asm.apply(once)).containsExactly(once, offset(1e-6f));
  }

  @Test
  void shouldClipAnExaggeratedShapeToThreeSigma() {
    AsmOperator asm = AsmFitter.fit(shapes, 0.9);
    double sigma = Math.sqrt(asm.eigenvalues()[0]);
    double[] v = asm.components()[0];
    float[] wild = new float[D];
    float[] expected = new float[D];
    for (int i = 0; i < D; i++) {
      wild[i] = (float) (asm.mean()[i] + 10 * sigma * v[i]);
      expected[i] = (float) (asm.mean()[i] + 3 * sigma * v[i]);
    }
    assertThat(asm.apply(wild)).containsExactly(expected, offset(1e-5f));
  }

  @Test
  void shouldSurviveASaveAndLoad(@TempDir Path dir) throws Exception {
    AsmOperator asm = AsmFitter.fit(shapes, 0.9);
    Path file = dir.resolve("asm.json");
    asm.save(file);
    AsmOperator back = AsmOperator.load(file);
    assertThat(back.components().length).isEqualTo(3);
    assertThat(back.varianceTarget()).isEqualTo(0.9);
    assertThat(back.apply(shapes.get(3))).containsExactly(asm.apply(shapes.get(3)), offset(0f));
  }

  @Test
  void shouldRejectTooFewShapesAndBadTargets() {
    assertThatThrownBy(() -> AsmFitter.fit(shapes.subList(0, 1), 0.9))
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> AsmFitter.fit(shapes, 1.5)).hasMessageContaining("(0, 1]");
  }

  @Test
  void shouldDecomposeASymmetricMatrix() {
    double[][] m = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
    SymmetricEigen e = SymmetricEigen.of(m);
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 3; i++) {
        double mv = 0;
        for (int j = 0; j < 3; j++) {
          mv += m[i][j] * e.vectors()[k][j];
        }
        assertThat(mv).isCloseTo(e.values()[k] * e.vectors()[k][i], offset(1e-10));
      }
    }
    assertThat(e.values()[0]).isGreaterThanOrEqualTo(e.values()[1]);
    assertThat(e.values()[0] + e.values()[1] + e.values()[2]).isCloseTo(12, offset(1e-10));
  }
}
