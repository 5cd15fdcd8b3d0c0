package io.asmnet.trainer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Convolution (no bias) + batch norm + optional ReLU6: the unit MobileNetV2 is built from.
 *
 * <p>Input [N, in, H, W] float; output [N, out, H / stride, W / stride]. Padding is k / 2 on every
 * side, so a 3x3 stride-2 conv halves even sizes exactly (PyTorch's convention; the asymmetric
 * Keras padding of the reference code is not reproduced, it does not matter for a network trained
 * from scratch).
 */
public final class ConvBnAct extends AbstractBlock {
  private final Conv2d conv;
  private final BatchNorm norm;
  private final int inChannels;
  private final int outChannels;
  private final int kernel;
  private final int stride;
  private final int groups;
  private final boolean relu6;

  /**
   * @param groups 1 for a full conv, {@code inChannels} for a depthwise one
   * @param relu6 false for the linear projection of an inverted residual
   */
  public ConvBnAct(
      int inChannels, int outChannels, int kernel, int stride, int groups, boolean relu6) {
    if (inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException("channels must divide into " + groups + " groups");
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernel = kernel;
    this.stride = stride;
    this.groups = groups;
    this.relu6 = relu6;
    this.conv =
        addChildBlock(
            "conv",
            Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optGroups(groups)
                .setFilters(outChannels)
                .optBias(false)
                .build());
    this.norm = addChildBlock("bn", BatchNorm.builder().build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = conv.forward(store, inputs, training, params);
    x = norm.forward(store, x, training, params);
    return relu6 ? Activation.relu6(x) : x;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return norm.getOutputShapes(conv.getOutputShapes(inputs));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    conv.initialize(manager, dataType, inputs);
    norm.initialize(manager, dataType, conv.getOutputShapes(inputs));
  }

  public Conv2d conv() {
    return conv;
  }

  public BatchNorm norm() {
    return norm;
  }

  public int inChannels() {
    return inChannels;
  }

  public int outChannels() {
    return outChannels;
  }

  public int kernel() {
    return kernel;
  }

  public int stride() {
    return stride;
  }

  public int groups() {
    return groups;
  }

  public boolean relu6() {
    return relu6;
  }
}
