package io.asmnet.trainer.loss;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Active Shape Model operator of ASM-LOSS: a PCA shape space in which a shape is projected, its
 * coefficients clipped to +-3 standard deviations, and projected back.
 *
 * <p>Shapes are the network's normalised landmark vectors (see {@code TargetCodec}), length {@code
 * mean.length} (136 for 68 points). Saved as a small JSON file next to the model.
 *
 * @param mean the mean shape
 * @param components {@code k} orthonormal eigenvectors of the shape covariance, largest first
 * @param eigenvalues their variances (lambda), largest first
 * @param varianceTarget the fraction of variance asked for (0.9 in the paper)
 * @param varianceKept the fraction the kept components explain (at least the target)
 */
public record AsmOperator(
    double[] mean,
    double[][] components,
    double[] eigenvalues,
    double varianceTarget,
    double varianceKept) {
  /** Coefficients are clipped to this many standard deviations. */
  public static final double CLIP_SIGMAS = 3;

  public AsmOperator {
    if (components.length != eigenvalues.length || components.length == 0) {
      throw new IllegalArgumentException("need one eigenvalue per component, at least one");
    }
    for (double[] c : components) {
      if (c.length != mean.length) {
        throw new IllegalArgumentException("component length differs from the mean's");
      }
    }
  }

  /** The shape length (2 x points). */
  public int dimension() {
    return mean.length;
  }

  /** ASM(x) = mean + V clip(V^T (x - mean)). */
  public float[] apply(float[] shape) {
    if (shape.length != mean.length) {
      throw new IllegalArgumentException(
          "expected " + mean.length + " coordinates, got " + shape.length);
    }
    double[] out = mean.clone();
    for (int k = 0; k < components.length; k++) {
      double[] v = components[k];
      double b = 0;
      for (int i = 0; i < v.length; i++) {
        b += v[i] * (shape[i] - mean[i]);
      }
      double limit = CLIP_SIGMAS * Math.sqrt(Math.max(eigenvalues[k], 0));
      b = Math.max(-limit, Math.min(limit, b));
      for (int i = 0; i < v.length; i++) {
        out[i] += v[i] * b;
      }
    }
    float[] result = new float[out.length];
    for (int i = 0; i < out.length; i++) {
      result[i] = (float) out[i];
    }
    return result;
  }

  public void save(Path file) throws IOException {
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  public static AsmOperator load(Path file) throws IOException {
    return new ObjectMapper().readValue(file.toFile(), AsmOperator.class);
  }
}
