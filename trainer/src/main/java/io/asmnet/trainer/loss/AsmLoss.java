package io.asmnet.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.function.IntSupplier;

/**
 * ASM-LOSS: MSE(pred, gt) + alpha(epoch) * MSE(pred, ASM(gt)) + 0.5 * pose MSE.
 *
 * <p>Predictions: landmarks [N, 2p], pose [N, 3]. Labels: landmarks [N, 2p], ASM(landmarks) [N, 2p]
 * (precomputed per sample), pose [N, 3]; all in the network's normalised units. The pose term is
 * the batch mean of (dyaw^2 + dpitch^2 + droll^2) / 3, i.e. the mean over all elements.
 */
public final class AsmLoss extends Loss {
  /** Weight of the pose term (the paper's 0.5; the reference code used 1). */
  public static final float POSE_WEIGHT = 0.5f;

  private final AlphaSchedule schedule;
  private final IntSupplier epoch;

  /**
   * @param epoch the current 0-based epoch, read at each evaluation
   */
  public AsmLoss(AlphaSchedule schedule, IntSupplier epoch) {
    super(schedule.enabled() ? "asm_loss" : "mse_loss");
    this.schedule = schedule;
    this.epoch = epoch;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray landmarks = predictions.get(0);
    NDArray face = landmarks.sub(labels.get(0)).square().mean();
    float alpha = schedule.alpha(epoch.getAsInt());
    if (alpha != 0f) {
      face = face.add(landmarks.sub(labels.get(1)).square().mean().mul(alpha));
    }
    NDArray pose = predictions.get(1).sub(labels.get(2)).square().mean();
    return face.add(pose.mul(POSE_WEIGHT));
  }
}
