package io.asmnet.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmnet.trainer.export.onnx.OnnxProto.ModelProto;
import io.asmnet.trainer.export.onnx.OnnxProto.OperatorSetIdProto;
import io.asmnet.trainer.export.onnx.OnnxProto.StringStringEntryProto;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts a TensorFlow.js graph model ({@code model.json} + shards, float32, float16 or
 * uint8-quantised) into an ONNX model (IR 8, opset 17) with the same inputs and outputs: same names
 * (signature keys where the model has a signature, {@code :0} dropped), same NHWC layouts, same
 * values. Inside, 4-D tensors run NCHW (transposed once at the input and back only where a reshape,
 * a concat with a non-image partner or an output needs TF's layout).
 *
 * <p>Ops: {@link #SUPPORTED}. Any other op is refused with an {@link UnsupportedOperationException}
 * naming it and its node; so are unsupported variants (fused batch norms, non-NHWC data formats,
 * SYMMETRIC/REFLECT pads, ops with more than one output in use).
 */
public final class TfjsGraphImporter {
  /** The TF ops this importer converts. */
  public static final Set<String> SUPPORTED =
      Set.copyOf(
          new TreeSet<>(
              List.of(
                  "Placeholder",
                  "Const",
                  "Identity",
                  "Conv2D",
                  "DepthwiseConv2dNative",
                  "_FusedConv2D",
                  "FusedDepthwiseConv2dNative",
                  "BiasAdd",
                  "Relu",
                  "Relu6",
                  "Prelu",
                  "Sigmoid",
                  "Tanh",
                  "Add",
                  "AddV2",
                  "Mul",
                  "Sub",
                  "MaxPool",
                  "AvgPool",
                  "Pad",
                  "PadV2",
                  "Reshape",
                  "ConcatV2")));

  /** Converts a graph model; fails on a layers model or an unsupported op. */
  public ModelProto convert(TfjsModelFile model) {
    if (!model.format().equals("graph-model")) {
      throw new IllegalArgumentException(
          "not a TFJS graph model (format '"
              + model.format()
              + "'); Keras layers models are not imported");
    }
    return new TfjsGraphConversion(model).run(modelProto());
  }

  /**
   * Reads {@code modelJson}, converts it and writes {@code onnx} atomically; returns bytes written.
   */
  public long write(Path modelJson, Path onnx) throws IOException {
    TfjsModelFile model = TfjsModelFile.read(modelJson);
    ModelProto proto = convert(model);
    ModelProto.Builder withSource =
        proto.toBuilder().addMetadataProps(entry("source", modelJson.getFileName().toString()));
    byte[] bytes = withSource.build().toByteArray();
    Path parent = onnx.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + onnx.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, onnx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return bytes.length;
  }

  private static ModelProto.Builder modelProto() {
    return ModelProto.newBuilder()
        .setIrVersion(AsmNetOnnxExporter.IR_VERSION)
        .addOpsetImport(
            OperatorSetIdProto.newBuilder().setDomain("").setVersion(AsmNetOnnxExporter.OPSET))
        .setProducerName("asmnet-trainer import-tfjs");
  }

  static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  /** Graph inputs and outputs by ONNX name, from the model's signature if it has one. */
  record Signature(Map<String, String> outputs, Map<String, long[]> outputDims) {
    static Signature of(JsonNode json) {
      JsonNode sig = json.path("signature");
      if (sig.isMissingNode()) {
        sig = json.path("userDefinedMetadata").path("signature");
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      Map<String, long[]> dims = new LinkedHashMap<>();
      var fields = sig.path("outputs").fields();
      while (fields.hasNext()) {
        var e = fields.next();
        String key = stripPort(e.getKey());
        outputs.put(key, stripPort(e.getValue().path("name").asText(e.getKey())));
        JsonNode shape = e.getValue().path("tensorShape").path("dim");
        if (shape.isArray()
            && !e.getValue().path("tensorShape").path("unknownRank").asBoolean(false)) {
          List<Long> d = new ArrayList<>();
          shape.forEach(x -> d.add(x.path("size").asLong()));
          dims.put(key, d.stream().mapToLong(Long::longValue).toArray());
        }
      }
      return new Signature(outputs, dims);
    }
  }

  static String stripPort(String name) {
    int colon = name.lastIndexOf(':');
    return colon > 0 && name.substring(colon + 1).chars().allMatch(Character::isDigit)
        ? name.substring(0, colon)
        : name;
  }

  static void requireFormat(JsonNode node, String name, String op) {
    String format = TfjsAttrs.string(node, "data_format", "NHWC");
    if (!format.equals("NHWC")) {
      throw new UnsupportedOperationException(
          op + " node " + name + ": data_format " + format + " is not supported");
    }
  }
}
