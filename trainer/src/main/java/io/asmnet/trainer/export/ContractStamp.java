package io.asmnet.trainer.export;

import io.asmnet.trainer.export.onnx.OnnxProto.ModelProto;
import io.asmnet.trainer.export.onnx.OnnxProto.StringStringEntryProto;
import io.asmnet.trainer.export.onnx.OnnxProto.TensorShapeProto;
import io.asmnet.trainer.export.onnx.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ModelContract} into the metadata of an ONNX model exported before models carried
 * one, leaving its graph (and so its weights and outputs) byte for byte as it was. The point count
 * and crop size are read from the model's own tensors; only the margin, which no tensor shows,
 * comes from the caller. Contract keys already present are replaced, other metadata kept in order.
 */
public final class ContractStamp {
  private ContractStamp() {}

  /** The model with {@code cropMargin}'s contract in its metadata. */
  public static ModelProto stamp(ModelProto model, double cropMargin) {
    ModelContract contract = contractOf(model, cropMargin);
    Map<String, String> props = contract.metadata();
    ModelProto.Builder out = model.toBuilder().clearMetadataProps();
    for (StringStringEntryProto e : model.getMetadataPropsList()) {
      if (!props.containsKey(e.getKey())) {
        out.addMetadataProps(e);
      }
    }
    props.forEach(
        (k, v) -> out.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return out.build();
  }

  /**
   * Reads {@code in}, stamps it, writes {@code out} (may be {@code in}); returns the contract
   * written.
   */
  public static ModelContract stamp(Path in, Path out, double cropMargin) throws IOException {
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(in));
    ModelProto stamped = stamp(model, cropMargin);
    AsmNetOnnxExporter.writeAtomically(stamped.toByteArray(), out);
    return contractOf(stamped, cropMargin);
  }

  private static ModelContract contractOf(ModelProto model, double cropMargin) {
    List<Long> image = dims(model.getGraph().getInputList(), AsmNetOnnxExporter.INPUT);
    List<Long> landmarks = dims(model.getGraph().getOutputList(), AsmNetOnnxExporter.LANDMARKS);
    if (image.size() != 4
        || image.get(1) <= 0
        || !image.get(1).equals(image.get(2))
        || image.get(3) != 3) {
      throw new IllegalArgumentException(
          "input '"
              + AsmNetOnnxExporter.INPUT
              + "' is "
              + image
              + ", not a square 3-channel crop [N,S,S,3]: not an ASMNet landmark model");
    }
    if (landmarks.size() != 3 || landmarks.get(1) <= 0 || landmarks.get(2) != 2) {
      throw new IllegalArgumentException(
          "output '"
              + AsmNetOnnxExporter.LANDMARKS
              + "' is "
              + landmarks
              + ", not [N,points,2]: not an ASMNet landmark model");
    }
    return new ModelContract(image.get(1).intValue(), cropMargin, landmarks.get(1).intValue());
  }

  /** The dimensions of tensor {@code name} (-1 for a symbolic one). */
  private static List<Long> dims(List<ValueInfoProto> values, String name) {
    ValueInfoProto value =
        values.stream()
            .filter(v -> v.getName().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the model has no tensor '"
                            + name
                            + "' (has "
                            + values.stream().map(ValueInfoProto::getName).toList()
                            + "): not an ASMNet landmark model"));
    return value.getType().getTensorType().getShape().getDimList().stream()
        .map(
            d ->
                d.getValueCase() == TensorShapeProto.Dimension.ValueCase.DIM_VALUE
                    ? d.getDimValue()
                    : -1L)
        .toList();
  }
}
