package io.asmnet.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import io.asmnet.trainer.tfjs.TfKernels;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import io.asmnet.trainer.tfjs.TfjsTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a {@link MultiDepthBackbone} from Keras' ImageNet MobileNetV2 (width 1.0, 224 px, the
 * {@code keras.applications} layer names) read from a TFJS layers model, e.g. the one nsfwjs ships
 * (its backbone layers are frozen, {@code trainable: false}: Keras' ImageNet kernels, gammas and
 * betas; the moving statistics, see below, are nsfwjs').
 *
 * <p>Mapping: stem = {@code Conv1} + {@code bn_Conv1}; block 0 = {@code expanded_conv_*}; block i =
 * {@code block_i_{expand,depthwise,project}} with their {@code _BN}, i = 1..15 ({@code block_16}
 * and the head are not part of ASMNet). Kernels HWIO -> OIHW, depthwise [3,3,C,1] -> [C,1,3,3].
 * Keras' batch-norm epsilon is 1e-3, DJL's (ours) 1e-5: the moving variance gets the difference
 * added, so that sqrt(var' + 1e-5) = sqrt(var + 1e-3) and inference equals Keras'.
 *
 * <p>Input range: Keras' ImageNet preprocessing is [-1, 1], but nsfwjs feeds this network {@code x
 * / 255} and its stored batch-norm statistics were measured that way (Keras 2.2.4 kept updating
 * moving statistics of frozen layers): the stem's pre-BN outputs on real photos in [0, 1] match
 * {@code bn_Conv1}'s moving mean, in [-1, 1] they do not (see the test and
 * docs/DESIGN-NOTES.md#training-choices). Our input is [0, 1] as well, so nothing is folded. (With
 * batch statistics an affine input change is absorbed by the stem's batch norm anyway.)
 *
 * <p>Not reproduced: Keras pads a stride-2 conv on the bottom/right only, we pad k/2 on every side
 * ({@link ConvBnAct}); stride-2 layers therefore sample half a step apart from Keras, and border
 * outputs see different padding. Fine-tuning absorbs this; inference is not Keras-exact there.
 */
public final class KerasMobileNetV2Init {
  public static final float KERAS_BN_EPSILON = 1e-3f;
  public static final float DJL_BN_EPSILON = 1e-5f;

  private KerasMobileNetV2Init() {}

  /** The Keras layer names of our layers, in the order of {@link #units}. */
  public static List<String> kerasNames(MultiDepthBackbone backbone) {
    List<String> names = new ArrayList<>(List.of("Conv1"));
    List<InvertedResidual> blocks = backbone.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      String prefix = i == 0 ? "expanded_conv" : "block_" + i;
      if (blocks.get(i).layers().size() == 3) {
        names.add(prefix + "_expand");
      }
      names.add(prefix + "_depthwise");
      names.add(prefix + "_project");
    }
    return names;
  }

  /** Our conv units in execution order: stem, then each block's layers. */
  public static List<ConvBnAct> units(MultiDepthBackbone backbone) {
    List<ConvBnAct> units = new ArrayList<>(List.of(backbone.stem()));
    backbone.blocks().forEach(b -> units.addAll(b.layers()));
    return units;
  }

  /**
   * Sets every parameter of the (initialised) backbone from {@code keras}; returns how many
   * parameter arrays were set. Fails naming the layer on a missing weight or a shape mismatch.
   */
  public static int apply(TfjsModelFile keras, MultiDepthBackbone backbone) {
    List<ConvBnAct> units = units(backbone);
    List<String> names = kerasNames(backbone);
    int set = 0;
    for (int u = 0; u < units.size(); u++) {
      set += load(keras, names.get(u), units.get(u));
    }
    return set;
  }

  private static int load(TfjsModelFile keras, String layer, ConvBnAct unit) {
    boolean depthwise = unit.groups() > 1;
    TfjsTensor kernel = keras.weight(layer + (depthwise ? "/depthwise_kernel" : "/kernel"));
    float[] w = TfKernels.toOihw(kernel, depthwise);
    String bn = layer.equals("Conv1") ? "bn_Conv1" : layer + "_BN";
    float[] mean = keras.weight(bn + "/moving_mean").requireFloats();
    float[] var = keras.weight(bn + "/moving_variance").requireFloats().clone();
    for (int c = 0; c < var.length; c++) {
      var[c] += KERAS_BN_EPSILON - DJL_BN_EPSILON;
    }
    put(layer, unit.conv().getParameters(), "weight", w, TfKernels.oihwShape(kernel, depthwise));
    PairList<String, Parameter> norm = unit.norm().getParameters();
    put(bn, norm, "gamma", keras.weight(bn + "/gamma").requireFloats(), null);
    put(bn, norm, "beta", keras.weight(bn + "/beta").requireFloats(), null);
    put(bn, norm, "runningMean", mean, null);
    put(bn, norm, "runningVar", var, null);
    return 5;
  }

  private static void put(
      String layer, PairList<String, Parameter> params, String name, float[] values, long[] dims) {
    Parameter p = params.get(name);
    if (p == null || !p.isInitialized()) {
      throw new IllegalStateException(
          "parameter " + name + " for " + layer + " is missing or not initialised");
    }
    NDArray a = p.getArray();
    Shape expected = a.getShape();
    if ((dims != null && !Arrays.equals(dims, expected.getShape())) || a.size() != values.length) {
      throw new IllegalArgumentException(
          layer
              + " -> "
              + name
              + ": Keras gives "
              + (dims != null ? Arrays.toString(dims) : values.length + " values")
              + ", the network expects "
              + expected);
    }
    a.set(values);
  }
}
