package io.asmnet.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.List;

/**
 * ASMNet (Fard et al., 2021): {@link MultiDepthBackbone}, dropout 0.3, then two parallel dense
 * heads.
 *
 * <p>Input [N, 3, 224, 224] float RGB in [0, 1] (see {@link InputCodec}). Output NDList of
 * landmarks [N, 2 * points] and pose [N, 3], both in the normalised units of {@link TargetCodec}.
 */
public final class AsmNet {
  /** Landmark count of the iBUG 300-W layout. */
  public static final int POINTS_300W = 68;

  public static final float DROPOUT = 0.3f;
  public static final int POSE_OUTPUTS = 3;

  private AsmNet() {}

  /** A fresh, uninitialised network for {@code points} landmarks. */
  public static SequentialBlock create(int points) {
    Block heads =
        new ParallelBlock(
            outputs ->
                new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
            List.of(
                Linear.builder().setUnits(2L * points).build(),
                Linear.builder().setUnits(POSE_OUTPUTS).build()));
    return new SequentialBlock()
        .add(new MultiDepthBackbone())
        .add(Dropout.builder().optRate(DROPOUT).build())
        .add(heads);
  }

  /**
   * Starts the heads at the mean shape and zero pose: landmark bias = {@code meanShape}, head
   * weights scaled by {@code weightScale}. A random head starts far outside the crop (hundreds of
   * pixels), and on small data the network then spends its early steps, and its batch-norm
   * statistics, getting back to plausible shapes.
   *
   * @param meanShape the training mean in network units, 2 x points values
   */
  public static void startAtMeanShape(Block net, float[] meanShape, float weightScale) {
    Linear landmarks = landmarkHead(net);
    landmarks.getParameters().get("bias").getArray().set(meanShape);
    for (Linear head : List.of(landmarks, poseHead(net))) {
      NDArray weight = head.getParameters().get("weight").getArray();
      float[] values = weight.toFloatArray();
      for (int i = 0; i < values.length; i++) {
        values[i] *= weightScale;
      }
      weight.set(values);
    }
    poseHead(net).getParameters().get("bias").getArray().set(new float[POSE_OUTPUTS]);
  }

  /** The backbone of a block made by {@link #create}. */
  public static MultiDepthBackbone backbone(Block net) {
    return (MultiDepthBackbone) net.getChildren().get(0).getValue();
  }

  /** The landmark head (dense, 2 * points outputs) of a block made by {@link #create}. */
  public static Linear landmarkHead(Block net) {
    return (Linear) heads(net).getChildren().get(0).getValue();
  }

  /** The pose head (dense, 3 outputs) of a block made by {@link #create}. */
  public static Linear poseHead(Block net) {
    return (Linear) heads(net).getChildren().get(1).getValue();
  }

  private static Block heads(Block net) {
    return net.getChildren().get(2).getValue();
  }
}
