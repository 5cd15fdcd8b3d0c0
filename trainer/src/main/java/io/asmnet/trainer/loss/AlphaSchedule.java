package io.asmnet.trainer.loss;

/**
 * Weight of the ASM term over training (ASM-LOSS): 2 in the first third of the epochs, 1 in the
 * second, 0.5 in the last. Integer comparisons (3i < l) keep the boundaries exact.
 *
 * @param totalEpochs l, the number of epochs of the whole run
 * @param enabled false for the plain-MSE ablation (alpha is then always 0)
 */
public record AlphaSchedule(int totalEpochs, boolean enabled) {
  public AlphaSchedule {
    if (totalEpochs < 1) {
      throw new IllegalArgumentException("total epochs must be positive, got " + totalEpochs);
    }
  }

  /** The weight for 0-based epoch {@code epoch}. */
  public float alpha(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative, got " + epoch);
    }
    if (!enabled) {
      return 0f;
    }
    if (3L * epoch < totalEpochs) {
      return 2f;
    }
    return 3L * epoch < 2L * totalEpochs ? 1f : 0.5f;
  }
}
