package io.asmnet.trainer.export;

import static io.asmnet.trainer.export.OnnxGraph.attr;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.export.onnx.OnnxProto.ModelProto;
import io.asmnet.trainer.export.onnx.OnnxProto.OperatorSetIdProto;
import io.asmnet.trainer.export.onnx.OnnxProto.StringStringEntryProto;
import io.asmnet.trainer.export.onnx.OnnxProto.TensorProto.DataType;
import io.asmnet.trainer.model.AsmNet;
import io.asmnet.trainer.model.ConvBnAct;
import io.asmnet.trainer.model.InvertedResidual;
import io.asmnet.trainer.model.MultiDepthBackbone;
import io.asmnet.trainer.model.TargetCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained {@link AsmNet} block as an ONNX model (IR 8, opset 17) that needs no pre- or
 * post-processing in the caller.
 *
 * <p>Input {@code image}: uint8 [N, 224, 224, 3], BGR, as OpenCV crops it. The graph casts, swaps
 * channels to RGB, scales by 1/255 and transposes to NCHW, exactly as {@code InputCodec}. Outputs
 * {@code landmarks}: float [N, points, 2] in crop pixels (0..224); {@code pose}: float [N, 3], yaw,
 * pitch, roll in degrees ({@link TargetCodec} inverted). The metadata carries the {@link ModelCard}
 * and the {@link ModelContract} (crop size, margin, layout, points). Dropout is the identity at
 * inference and is left out; batch norms stay BatchNormalization nodes (running statistics).
 */
public final class AsmNetOnnxExporter {
  public static final long IR_VERSION = 8;
  public static final long OPSET = 17;
  public static final String INPUT = "image";
  public static final String LANDMARKS = "landmarks";
  public static final String POSE = "pose";

  /** DJL's BatchNorm default, which {@code ConvBnAct} uses. */
  private static final float BN_EPSILON = 1e-5f;

  /**
   * Builds the ONNX model of {@code net} (made by {@link AsmNet#create}, initialised), trained on
   * crops of {@link SampleMaker#DEFAULT_MARGIN}, which is what {@code train} uses.
   */
  public ModelProto export(Block net, ModelCard card) {
    return export(net, card, SampleMaker.DEFAULT_MARGIN);
  }

  /**
   * As {@link #export(Block, ModelCard)} for a network trained on crops of {@code cropMargin}; the
   * margin goes into the model's {@link ModelContract}, so a server crops as training did.
   */
  public ModelProto export(Block net, ModelCard card, double cropMargin) {
    int points = (int) AsmNet.landmarkHead(net).getParameters().get("bias").getArray().size() / 2;
    OnnxGraph g = new OnnxGraph("asmnet");
    int size = Sample.SIZE;
    g.input(INPUT, DataType.UINT8, -1, size, size, 3);
    String x = preprocess(g);
    String features = backbone(g, AsmNet.backbone(net), x);
    String landmarks = dense(g, "landmark_head", AsmNet.landmarkHead(net), features);
    String pixels =
        g.node(
            "Mul",
            List.of(
                g.node(
                    "Add",
                    List.of(
                        landmarks,
                        g.floats("lm_offset", new float[] {TargetCodec.LANDMARK_OFFSET}))),
                g.floats("lm_scale", new float[] {TargetCodec.CROP})));
    g.nodeTo(
        LANDMARKS, "Reshape", List.of(pixels, g.longs("lm_shape", new long[] {-1, points, 2}, 3)));
    String pose = dense(g, "pose_head", AsmNet.poseHead(net), features);
    g.nodeTo(
        POSE,
        "Mul",
        List.of(pose, g.floats("pose_scale", new float[] {TargetCodec.POSE_SCALE_DEGREES})));
    g.output(LANDMARKS, DataType.FLOAT, -1, points, 2);
    g.output(POSE, DataType.FLOAT, -1, 3);

    ModelProto.Builder model =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setProducerName("asmnet-trainer")
            .setProducerVersion(card.version())
            .setDocString("ASMNet face landmarks (" + points + " points) and head pose")
            .setGraph(g.build());
    Map<String, String> props = new java.util.LinkedHashMap<>(card.metadata());
    props.putAll(ModelContract.trainedWith(points, cropMargin).metadata());
    props.put("input", INPUT + ": uint8 [N,224,224,3] BGR face crop");
    props.put(
        "outputs",
        LANDMARKS
            + ": float [N,"
            + points
            + ",2] crop pixels; "
            + POSE
            + ": float [N,3] yaw,pitch,roll degrees");
    props.forEach(
        (k, v) ->
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return model.build();
  }

  /** Exports and writes the model file; returns its size in bytes. */
  public long write(Block net, ModelCard card, Path file) throws IOException {
    return write(net, card, SampleMaker.DEFAULT_MARGIN, file);
  }

  /** Exports with a crop margin and writes the model file; returns its size in bytes. */
  public long write(Block net, ModelCard card, double cropMargin, Path file) throws IOException {
    return writeAtomically(export(net, card, cropMargin).toByteArray(), file);
  }

  /** Writes {@code bytes} to {@code file} by an atomic rename; returns their length. */
  static long writeAtomically(byte[] bytes, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    // Atomic rename: a reader never sees a half-written model.
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return bytes.length;
  }

  private static String preprocess(OnnxGraph g) {
    String f = g.node("Cast", List.of(INPUT), attr("to", (long) DataType.FLOAT.getNumber()));
    String rgb =
        g.node(
            "Gather", List.of(f, g.longs("bgr_to_rgb", new long[] {2, 1, 0}, 3)), attr("axis", 3L));
    String unit = g.node("Div", List.of(rgb, g.floats("pixel_max", new float[] {255f})));
    return g.node("Transpose", List.of(unit), attr("perm", 0L, 3L, 1L, 2L));
  }

  private static String backbone(OnnxGraph g, MultiDepthBackbone backbone, String input) {
    String x = convBnAct(g, "stem", backbone.stem(), input);
    List<String> pooled = new ArrayList<>();
    List<InvertedResidual> blocks = backbone.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      String in = x;
      List<ConvBnAct> layers = blocks.get(i).layers();
      for (int l = 0; l < layers.size(); l++) {
        x = convBnAct(g, "block" + i + "_" + l, layers.get(l), x);
      }
      if (blocks.get(i).residual()) {
        x = g.node("Add", List.of(x, in));
      }
      if (MultiDepthBackbone.TAPS.contains(i)) {
        pooled.add(
            g.node("Flatten", List.of(g.node("GlobalAveragePool", List.of(x))), attr("axis", 1L)));
      }
    }
    return g.node("Concat", pooled, attr("axis", 1L));
  }

  private static String convBnAct(OnnxGraph g, String name, ConvBnAct unit, String input) {
    int k = unit.kernel();
    int p = k / 2;
    String conv =
        g.node(
            "Conv",
            List.of(
                input,
                tensor(g, name + "_w", unit.conv().getParameters().get("weight").getArray())),
            attr("kernel_shape", k, k),
            attr("strides", unit.stride(), unit.stride()),
            attr("pads", p, p, p, p),
            attr("group", (long) unit.groups()));
    var bn = unit.norm().getParameters();
    String y =
        g.node(
            "BatchNormalization",
            List.of(
                conv,
                tensor(g, name + "_gamma", bn.get("gamma").getArray()),
                tensor(g, name + "_beta", bn.get("beta").getArray()),
                tensor(g, name + "_mean", bn.get("runningMean").getArray()),
                tensor(g, name + "_var", bn.get("runningVar").getArray())),
            attr("epsilon", BN_EPSILON));
    if (!unit.relu6()) {
      return y;
    }
    return g.node("Clip", List.of(y, scalar(g, "relu6_min", 0f), scalar(g, "relu6_max", 6f)));
  }

  private static String dense(OnnxGraph g, String name, Linear linear, String input) {
    var params = linear.getParameters();
    return g.node(
        "Gemm",
        List.of(
            input,
            tensor(g, name + "_w", params.get("weight").getArray()),
            tensor(g, name + "_b", params.get("bias").getArray())),
        attr("transB", 1L));
  }

  private static String tensor(OnnxGraph g, String name, NDArray array) {
    return g.floats(name, array.toFloatArray(), array.getShape().getShape());
  }

  /** Scalars shared by many nodes are written once (initialiser names must be unique). */
  private static String scalar(OnnxGraph g, String name, float value) {
    return g.shared(name, value);
  }
}
