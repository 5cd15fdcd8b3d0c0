package io.asmnet.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The truncated MobileNetV2 of ASMNet with multi-depth fusion: stem conv, 16 inverted residuals
 * (the t=1 block 0 then blocks 1..15 in the Keras numbering the paper uses), global average pooling
 * on the outputs of blocks 1, 3, 6, 10, 13 and 15, concatenated.
 *
 * <p>Input [N, 3, 224, 224] RGB in [0, 1]; output [N, 536] (24 + 32 + 64 + 96 + 160 + 160).
 */
public final class MultiDepthBackbone extends AbstractBlock {
  /** Block indices (0 = the t=1 block) whose outputs are pooled and fused. */
  public static final Set<Integer> TAPS = Set.of(1, 3, 6, 10, 13, 15);

  /** t (expansion), c (channels), n (repeats), s (first stride): MobileNetV2's table. */
  private static final int[][] SETTINGS = {
    {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}
  };

  private static final int BLOCKS = 16;

  private final ConvBnAct stem;
  private final List<InvertedResidual> blocks;
  private final int features;

  public MultiDepthBackbone() {
    stem = addChildBlock("stem", new ConvBnAct(3, 32, 3, 2, 1, true));
    List<InvertedResidual> list = new ArrayList<>();
    int in = 32;
    int fused = 0;
    for (int[] s : SETTINGS) {
      for (int r = 0; r < s[2] && list.size() < BLOCKS; r++) {
        int index = list.size();
        list.add(
            addChildBlock(
                "block" + index, new InvertedResidual(in, s[1], r == 0 ? s[3] : 1, s[0])));
        in = s[1];
        fused += TAPS.contains(index) ? in : 0;
      }
    }
    blocks = Collections.unmodifiableList(list);
    features = fused;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = stem.forward(store, inputs, training, params);
    List<NDArray> pooled = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      x = blocks.get(i).forward(store, x, training, params);
      if (TAPS.contains(i)) {
        // Global average pool: the PyTorch engine's mean takes one axis, so pool a flat H*W.
        NDArray map = x.singletonOrThrow();
        Shape shape = map.getShape();
        pooled.add(map.reshape(shape.get(0), shape.get(1), -1).mean(new int[] {2}));
      }
    }
    return new NDList(NDArrays.concat(new NDList(pooled), 1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), features)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    stem.initialize(manager, dataType, inputs);
    Shape[] shapes = stem.getOutputShapes(inputs);
    for (InvertedResidual block : blocks) {
      block.initialize(manager, dataType, shapes);
      shapes = block.getOutputShapes(shapes);
    }
  }

  public ConvBnAct stem() {
    return stem;
  }

  public List<InvertedResidual> blocks() {
    return blocks;
  }

  /** Width of the fused feature vector: 536. */
  public int features() {
    return features;
  }
}
