package io.asmnet.trainer.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one training run.
 *
 * @param epochs total epochs l (the ASM-LOSS alpha schedule is spread over them)
 * @param batchSize crops per step
 * @param learningRate Adam's fixed learning rate
 * @param seed seeds DJL's engine (initial weights, dropout) and the shuffling
 * @param asmLoss true for ASM-LOSS, false for the plain-MSE ablation
 * @param varianceKept fraction of shape variance the ASM keeps (0.9)
 * @param denseL2 L2 weight decay on the two dense heads (the paper's 0.01), 0 for none
 * @param maxBatchesPerEpoch 0 for all; a positive value cuts epochs short (smoke tests)
 * @param checkpointDir where parameters, the ASM and the training state go after each epoch
 * @param resume continue from the newest checkpoint in {@code checkpointDir}
 * @param progress draw a progress bar on stderr
 * @param cosineDecay lower the learning rate along a half cosine, per epoch, to {@link
 *     #FINAL_LR_FRACTION} of it in the last epoch; false keeps it fixed (the paper's)
 * @param averageLast 0, or the number of last epochs whose weights the run averages into {@link
 *     WeightAveraging#FOLDER} when it ends (their parameter files are kept for it)
 */
public record TrainingOptions(
    int epochs,
    int batchSize,
    float learningRate,
    long seed,
    boolean asmLoss,
    double varianceKept,
    float denseL2,
    int maxBatchesPerEpoch,
    Path checkpointDir,
    boolean resume,
    boolean progress,
    boolean cosineDecay,
    int averageLast) {
  /** The last epoch's learning rate over the first's, with {@code cosineDecay}. */
  public static final float FINAL_LR_FRACTION = 0.02f;

  /** A fixed learning rate. */
  public TrainingOptions(
      int epochs,
      int batchSize,
      float learningRate,
      long seed,
      boolean asmLoss,
      double varianceKept,
      float denseL2,
      int maxBatchesPerEpoch,
      Path checkpointDir,
      boolean resume,
      boolean progress) {
    this(
        epochs,
        batchSize,
        learningRate,
        seed,
        asmLoss,
        varianceKept,
        denseL2,
        maxBatchesPerEpoch,
        checkpointDir,
        resume,
        progress,
        false,
        0);
  }

  /** The learning rate of 0-based epoch {@code epoch}. */
  public float learningRate(int epoch) {
    if (!cosineDecay || epochs == 1) {
      return learningRate;
    }
    double t = Math.min(1, epoch / (double) (epochs - 1));
    return (float)
        (learningRate
            * (FINAL_LR_FRACTION + (1 - FINAL_LR_FRACTION) * 0.5 * (1 + Math.cos(Math.PI * t))));
  }

  public TrainingOptions {
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs and batch size must be positive");
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    if (!(varianceKept > 0 && varianceKept <= 1)) {
      throw new IllegalArgumentException("variance kept must be in (0, 1], got " + varianceKept);
    }
    if (denseL2 < 0 || maxBatchesPerEpoch < 0 || averageLast < 0) {
      throw new IllegalArgumentException(
          "L2, batch limit and epochs to average must not be negative");
    }
    Objects.requireNonNull(checkpointDir, "checkpointDir");
  }
}
