package io.asmnet.trainer.model;

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

/**
 * MobileNetV2 inverted residual: 1x1 expansion (skipped when the factor is 1), 3x3 depthwise,
 * linear 1x1 projection, plus the input when stride is 1 and channels match.
 *
 * <p>Input [N, in, H, W]; output [N, out, H / stride, W / stride].
 */
public final class InvertedResidual extends AbstractBlock {
  private final List<ConvBnAct> layers;
  private final boolean residual;

  public InvertedResidual(int inChannels, int outChannels, int stride, int expansion) {
    int hidden = inChannels * expansion;
    List<ConvBnAct> list = new ArrayList<>();
    if (expansion != 1) {
      list.add(addChildBlock("expand", new ConvBnAct(inChannels, hidden, 1, 1, 1, true)));
    }
    list.add(addChildBlock("depthwise", new ConvBnAct(hidden, hidden, 3, stride, hidden, true)));
    list.add(addChildBlock("project", new ConvBnAct(hidden, outChannels, 1, 1, 1, false)));
    this.layers = Collections.unmodifiableList(list);
    this.residual = stride == 1 && inChannels == outChannels;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = inputs;
    for (ConvBnAct layer : layers) {
      x = layer.forward(store, x, training, params);
    }
    return residual ? new NDList(x.singletonOrThrow().add(inputs.singletonOrThrow())) : x;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape[] shapes = inputs;
    for (ConvBnAct layer : layers) {
      shapes = layer.getOutputShapes(shapes);
    }
    return shapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape[] shapes = inputs;
    for (ConvBnAct layer : layers) {
      layer.initialize(manager, dataType, shapes);
      shapes = layer.getOutputShapes(shapes);
    }
  }

  /** The conv units in execution order (expansion, depthwise, projection). */
  public List<ConvBnAct> layers() {
    return layers;
  }

  /** Whether the block's input is added to its projection. */
  public boolean residual() {
    return residual;
  }
}
