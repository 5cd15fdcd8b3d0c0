package io.asmnet.trainer.export;

import static io.asmnet.trainer.export.OnnxGraph.attr;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmnet.trainer.export.onnx.OnnxProto.AttributeProto;
import io.asmnet.trainer.export.onnx.OnnxProto.ModelProto;
import io.asmnet.trainer.export.onnx.OnnxProto.TensorProto.DataType;
import io.asmnet.trainer.tfjs.TfKernels;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import io.asmnet.trainer.tfjs.TfjsTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One conversion of a TFJS graph into an {@link OnnxGraph}: converts the nodes the outputs depend
 * on, depth first, each once. Every converted value remembers whether it is a 4-D image tensor held
 * NCHW (TF holds it NHWC) or a tensor in TF's own layout.
 */
final class TfjsGraphConversion {
  private record Value(String name, boolean nchw) {}

  private static final long[] TO_NCHW = {0, 3, 1, 2};
  private static final long[] TO_NHWC = {0, 2, 3, 1};

  private final TfjsModelFile model;
  private final OnnxGraph g = new OnnxGraph("tfjs");
  private final Map<String, JsonNode> nodes = new LinkedHashMap<>();
  private final Map<String, Value> values = new HashMap<>();
  private final TfjsConstants constants;
  private final Set<String> visiting = new HashSet<>();

  TfjsGraphConversion(TfjsModelFile model) {
    this.model = model;
    for (JsonNode node : model.topology().path("node")) {
      nodes.put(node.path("name").asText(), node);
    }
    this.constants = new TfjsConstants(model, nodes, g);
  }

  ModelProto run(ModelProto.Builder proto) {
    TfjsGraphImporter.Signature sig = TfjsGraphImporter.Signature.of(model.json());
    Map<String, String> outputs = sig.outputs().isEmpty() ? sinks() : sig.outputs();
    for (Map.Entry<String, String> out : outputs.entrySet()) {
      g.nodeTo(out.getKey(), "Identity", List.of(tfLayout(value(out.getValue()))));
      long[] dims = sig.outputDims().get(out.getKey());
      if (dims != null) {
        g.output(out.getKey(), DataType.FLOAT, dims);
      } else {
        g.outputOfAnyShape(out.getKey(), DataType.FLOAT);
      }
    }
    return proto
        .setDocString(
            "converted from a TensorFlow.js graph model ("
                + model.json().path("convertedBy").asText("?")
                + ")")
        .addMetadataProps(
            TfjsGraphImporter.entry(
                "layout", "inputs and outputs as in the TFJS model (NHWC images)"))
        .setGraph(g.build())
        .build();
  }

  /** Nodes that no other node reads: the outputs of a model without a signature. */
  private Map<String, String> sinks() {
    Set<String> read = new HashSet<>();
    nodes.values().forEach(n -> n.path("input").forEach(i -> read.add(inputName(i.asText()))));
    Map<String, String> out = new LinkedHashMap<>();
    nodes.forEach(
        (name, n) -> {
          if (!read.contains(name) && !n.path("op").asText().equals("Const")) {
            out.put(name, name);
          }
        });
    return out;
  }

  private static String inputName(String input) {
    return TfjsGraphImporter.stripPort(input.startsWith("^") ? input.substring(1) : input);
  }

  private List<String> inputs(JsonNode node) {
    List<String> in = new ArrayList<>();
    for (JsonNode i : node.path("input")) {
      String s = i.asText();
      if (s.startsWith("^")) {
        continue; // control dependency: no data
      }
      int colon = s.lastIndexOf(':');
      if (colon > 0 && !s.substring(colon + 1).equals("0")) {
        throw new UnsupportedOperationException(
            "node "
                + node.path("name").asText()
                + " reads output "
                + s
                + ": only single-output ops are supported");
      }
      in.add(inputName(s));
    }
    return in;
  }

  private Value value(String name) {
    Value done = values.get(name);
    if (done != null) {
      return done;
    }
    JsonNode node = nodes.get(name);
    if (node == null) {
      throw new IllegalArgumentException("the graph has no node " + name);
    }
    if (!visiting.add(name)) {
      throw new IllegalArgumentException("the graph has a cycle through " + name);
    }
    Value v = convert(name, node.path("op").asText(), node);
    visiting.remove(name);
    values.put(name, v);
    return v;
  }

  private Value convert(String name, String op, JsonNode node) {
    List<String> in = inputs(node);
    return switch (op) {
      case "Placeholder" -> placeholder(name, node);
      case "Const" -> new Value(constants.initializer(name, false), false);
      case "Identity" -> value(in.get(0));
      case "Conv2D", "_FusedConv2D" -> conv(name, op, node, in, false);
      case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> conv(name, op, node, in, true);
      case "BiasAdd" -> binary("Add", in);
      case "Add", "AddV2" -> binary("Add", in);
      case "Mul" -> binary("Mul", in);
      case "Sub" -> binary("Sub", in);
      case "Relu" -> unary("Relu", value(in.get(0)));
      case "Sigmoid" -> unary("Sigmoid", value(in.get(0)));
      case "Tanh" -> unary("Tanh", value(in.get(0)));
      case "Relu6" -> relu6(value(in.get(0)));
      case "Prelu" -> prelu(value(in.get(0)), in.get(1));
      case "MaxPool", "AvgPool" -> pool(name, op, node, in);
      case "Pad", "PadV2" -> pad(name, op, in);
      case "Reshape" -> reshape(in);
      case "ConcatV2" -> concat(name, in);
      default ->
          throw new UnsupportedOperationException(
              "TFJS op "
                  + op
                  + " (node "
                  + name
                  + ") is not supported; supported ops: "
                  + TfjsGraphImporter.SUPPORTED);
    };
  }

  private Value placeholder(String name, JsonNode node) {
    long[] dims = TfjsAttrs.shape(node, "shape");
    if (dims == null) {
      throw new UnsupportedOperationException("Placeholder " + name + " has no known rank");
    }
    g.input(name, DataType.FLOAT, dims);
    return dims.length == 4 ? new Value(transpose(name, TO_NCHW), true) : new Value(name, false);
  }

  private Value conv(String name, String op, JsonNode node, List<String> in, boolean depthwise) {
    TfjsGraphImporter.requireFormat(node, name, op);
    TfjsTensor w = constants.get(in.get(1), op, name);
    if (w.shape().length != 4) {
      throw new IllegalArgumentException(
          op + " node " + name + ": kernel of rank " + w.shape().length);
    }
    List<String> fused =
        op.startsWith("_") || op.startsWith("Fused")
            ? TfjsAttrs.strings(node, "fused_ops")
            : List.of();
    String activation = fusedActivation(name, op, fused);
    List<String> convInputs =
        new ArrayList<>(List.of(nchw(value(in.get(0))), kernel(in.get(1), w, depthwise)));
    if (!fused.isEmpty()) {
      TfjsTensor bias = constants.get(in.get(2), op, name);
      convInputs.add(g.floats(constants.unique(in.get(2)), bias.requireFloats(), bias.size()));
    }
    long[] strides = TfjsAttrs.ints(node, "strides", 1, 1, 1, 1);
    long[] dilations = TfjsAttrs.ints(node, "dilations", 1, 1, 1, 1);
    List<AttributeProto> attrs =
        new ArrayList<>(
            List.of(
                attr("kernel_shape", w.shape()[0], w.shape()[1]),
                attr("strides", strides[1], strides[2]),
                attr("dilations", dilations[1], dilations[2]),
                attr("group", depthwise ? w.shape()[2] : 1L)));
    attrs.add(padding(name, op, node));
    Value y = new Value(g.node("Conv", convInputs, attrs.toArray(AttributeProto[]::new)), true);
    return switch (activation) {
      case "" -> y;
      case "Relu" -> unary("Relu", y);
      case "Relu6" -> relu6(y);
      case "Prelu" -> prelu(y, in.get(3));
      default -> throw new IllegalStateException(activation);
    };
  }

  private static String fusedActivation(String name, String op, List<String> fused) {
    if (fused.isEmpty()) {
      return "";
    }
    boolean ok =
        fused.get(0).equals("BiasAdd")
            && fused.size() <= 2
            && (fused.size() == 1 || Set.of("Relu", "Relu6", "Prelu").contains(fused.get(1)));
    if (!ok) {
      throw new UnsupportedOperationException(
          op
              + " node "
              + name
              + ": fused ops "
              + fused
              + " are not supported (BiasAdd, then optionally Relu, Relu6 or Prelu)");
    }
    return fused.size() == 2 ? fused.get(1) : "";
  }

  /** SAME is TF's: the odd pixel of padding goes after, as ONNX's SAME_UPPER. */
  private static AttributeProto padding(String name, String op, JsonNode node) {
    String padding = TfjsAttrs.string(node, "padding", "VALID");
    return switch (padding) {
      case "SAME" -> attr("auto_pad", "SAME_UPPER");
      case "VALID" -> attr("pads", 0, 0, 0, 0);
      case "EXPLICIT" -> {
        long[] p = TfjsAttrs.ints(node, "explicit_paddings");
        if (p == null || p.length != 8) {
          throw new IllegalArgumentException(
              op + " node " + name + ": EXPLICIT padding without 8 explicit_paddings");
        }
        yield attr("pads", p[2], p[4], p[3], p[5]);
      }
      default ->
          throw new UnsupportedOperationException(op + " node " + name + ": padding " + padding);
    };
  }

  /** HWIO -> OIHW; a depthwise [H, W, C, M] -> [C * M, 1, H, W] (see {@link TfKernels}). */
  private String kernel(String tfName, TfjsTensor w, boolean depthwise) {
    return g.floats(
        constants.unique(tfName),
        TfKernels.toOihw(w, depthwise),
        TfKernels.oihwShape(w, depthwise));
  }

  private Value binary(String onnxOp, List<String> in) {
    boolean aConst = constants.isConst(in.get(0));
    boolean bConst = constants.isConst(in.get(1));
    if (aConst && bConst) {
      throw new UnsupportedOperationException(
          onnxOp + " of two constants " + in + " is not supported");
    }
    Value a = aConst ? null : value(in.get(0));
    Value b = bConst ? null : value(in.get(1));
    if (aConst) {
      a = new Value(constants.initializer(in.get(0), b.nchw()), b.nchw());
    } else if (bConst) {
      b = new Value(constants.initializer(in.get(1), a.nchw()), a.nchw());
    }
    if (a.nchw() && b.nchw()) {
      return new Value(g.node(onnxOp, List.of(a.name(), b.name())), true);
    }
    // Mixed layouts: broadcast in TF's layout, where TF defined it.
    return new Value(g.node(onnxOp, List.of(tfLayout(a), tfLayout(b))), false);
  }

  private Value unary(String onnxOp, Value x) {
    return new Value(g.node(onnxOp, List.of(x.name())), x.nchw());
  }

  private Value relu6(Value x) {
    return new Value(
        g.node("Clip", List.of(x.name(), g.shared("relu6_min", 0f), g.shared("relu6_max", 6f))),
        x.nchw());
  }

  /** TF's Prelu: x if x > 0 else alpha * x, alpha broadcast over the last (channel) axis. */
  private Value prelu(Value x, String alpha) {
    String slope =
        constants.isConst(alpha)
            ? constants.initializer(alpha, x.nchw())
            : tfLayoutOrFail(alpha, x);
    return new Value(g.node("PRelu", List.of(x.name(), slope)), x.nchw());
  }

  private String tfLayoutOrFail(String alpha, Value x) {
    Value a = value(alpha);
    if (a.nchw() != x.nchw()) {
      throw new UnsupportedOperationException(
          "Prelu with a computed alpha " + alpha + " in another layout");
    }
    return a.name();
  }

  private Value pool(String name, String op, JsonNode node, List<String> in) {
    TfjsGraphImporter.requireFormat(node, name, op);
    long[] k = TfjsAttrs.ints(node, "ksize", 1, 1, 1, 1);
    long[] s = TfjsAttrs.ints(node, "strides", 1, 1, 1, 1);
    if (k[0] != 1 || k[3] != 1 || s[0] != 1 || s[3] != 1) {
      throw new UnsupportedOperationException(
          op + " node " + name + ": pooling over batch or channels");
    }
    String onnxOp = op.equals("MaxPool") ? "MaxPool" : "AveragePool";
    // AveragePool's count_include_pad defaults to 0, as TF's SAME averaging excludes padding.
    return new Value(
        g.node(
            onnxOp,
            List.of(nchw(value(in.get(0)))),
            attr("kernel_shape", k[1], k[2]),
            attr("strides", s[1], s[2]),
            padding(name, op, node)),
        true);
  }

  private Value pad(String name, String op, List<String> in) {
    Value x = value(in.get(0));
    int[] p = constants.get(in.get(1), op, name).requireInts();
    int rank = p.length / 2;
    long[] pads = new long[2 * rank];
    for (int d = 0; d < rank; d++) {
      // ONNX axis d reads TF axis perm[d] when the value is held NCHW
      int tf = x.nchw() ? (int) TO_NCHW[d] : d;
      pads[d] = p[2 * tf];
      pads[rank + d] = p[2 * tf + 1];
    }
    List<String> args =
        new ArrayList<>(List.of(x.name(), g.longs(constants.unique(in.get(1)), pads, pads.length)));
    if (op.equals("PadV2")) {
      args.add(
          g.floats(
              constants.unique(in.get(2)), constants.get(in.get(2), op, name).requireFloats()));
    }
    return new Value(g.node("Pad", args, attr("mode", "constant")), x.nchw());
  }

  private Value reshape(List<String> in) {
    String x = tfLayout(value(in.get(0)));
    int[] shape = constants.get(in.get(1), "Reshape", in.get(1)).requireInts();
    long[] dims = Arrays.stream(shape).asLongStream().toArray();
    String y =
        g.node("Reshape", List.of(x, g.longs(constants.unique(in.get(1)), dims, dims.length)));
    return dims.length == 4 ? new Value(transpose(y, TO_NCHW), true) : new Value(y, false);
  }

  private Value concat(String name, List<String> in) {
    int n = in.size() - 1;
    int axis = constants.get(in.get(n), "ConcatV2", name).requireInts()[0];
    List<Value> parts = new ArrayList<>();
    for (String i : in.subList(0, n)) {
      parts.add(value(i));
    }
    boolean nchw = parts.stream().allMatch(Value::nchw);
    List<String> names = new ArrayList<>();
    parts.forEach(v -> names.add(nchw ? v.name() : tfLayout(v)));
    long onnxAxis = axis;
    if (nchw) {
      int a = axis < 0 ? axis + 4 : axis;
      onnxAxis = new long[] {0, 2, 3, 1}[a];
    }
    return new Value(g.node("Concat", names, attr("axis", onnxAxis)), nchw);
  }

  private String nchw(Value v) {
    return v.nchw() ? v.name() : transpose(v.name(), TO_NCHW);
  }

  private String tfLayout(Value v) {
    return v.nchw() ? transpose(v.name(), TO_NHWC) : v.name();
  }

  private String transpose(String x, long[] perm) {
    return g.node("Transpose", List.of(x), attr("perm", perm));
  }
}
