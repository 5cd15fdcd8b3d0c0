package io.asmnet.processor.infer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a tiny ONNX graph with the landmark model's interface whose answers are known, for tests
 * that must check what reached the model: {@code pose} = the crop's mean B, G, R (0..255) and every
 * landmark coordinate = (B + G + R) / 3. Hand-encoded protobuf (ONNX IR 8, opset 17), so the tests
 * need no ONNX library. {@code inputName} lets a test make a model with the wrong interface.
 */
public final class ProbeOnnxModel {
  private ProbeOnnxModel() {}

  /** The probe with the crop contract of margin 0.1 (the trainer's default). */
  public static Path write(Path file, String inputName) throws IOException {
    return write(file, inputName, contract(0.1));
  }

  /** The contract metadata for {@code margin} (the keys this processor reads). */
  public static Map<String, String> contract(double margin) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(ModelContract.VERSION_KEY, ModelContract.VERSION);
    props.put(ModelContract.CROP_SIZE_KEY, "224");
    props.put(ModelContract.CROP_MARGIN_KEY, Double.toString(margin));
    props.put(ModelContract.INPUT_LAYOUT_KEY, ModelContract.INPUT_LAYOUT);
    props.put(ModelContract.POINTS_KEY, "68");
    props.put(ModelContract.PIXEL_CENTRE_KEY, ModelContract.PIXEL_CENTRE);
    props.put(ModelContract.POSE_KEY, ModelContract.POSE);
    return props;
  }

  /**
   * @param metadata metadata props besides the name and version (the contract, or not)
   */
  public static Path write(Path file, String inputName, Map<String, String> metadata)
      throws IOException {
    ByteBuffer w = ByteBuffer.allocate(3 * 136 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 3 * 136; i++) {
      w.putFloat(1f / 3);
    }
    ByteBuffer shape =
        ByteBuffer.allocate(3 * 8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putLong(-1)
            .putLong(68)
            .putLong(2);
    byte[] graph =
        cat(
            field(1, node(new String[] {inputName}, "f", "Cast", attrInt("to", 1))),
            field(
                1,
                node(
                    new String[] {"f"},
                    "pose",
                    "ReduceMean",
                    cat(attrInts("axes", 1, 2), attrInt("keepdims", 0)))),
            field(1, node(new String[] {"pose", "w"}, "flat", "MatMul", new byte[0])),
            field(1, node(new String[] {"flat", "shape"}, "landmarks", "Reshape", new byte[0])),
            field(2, str("probe")),
            field(5, tensor("w", 1, w.array(), 3, 136)),
            field(5, tensor("shape", 7, shape.array(), 3)),
            field(11, valueInfo(inputName, 2, 224, 224, 3)),
            field(12, valueInfo("landmarks", 1, 68, 2)),
            field(12, valueInfo("pose", 1, 3)));
    byte[] model =
        cat(
            varintField(1, 8),
            field(2, str("asmnet-test")),
            field(7, graph),
            field(8, cat(field(1, str("")), varintField(2, 17))),
            field(14, cat(field(1, str("model_name")), field(2, str("probe")))),
            field(14, cat(field(1, str("model_version")), field(2, str("0-test")))));
    ByteArrayOutputStream props = new ByteArrayOutputStream();
    metadata.forEach(
        (k, v) -> props.writeBytes(field(14, cat(field(1, str(k)), field(2, str(v))))));
    return Files.write(file, cat(model, props.toByteArray()));
  }

  private static byte[] node(String[] inputs, String output, String op, byte[] attrs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String in : inputs) {
      out.writeBytes(field(1, str(in)));
    }
    out.writeBytes(field(2, str(output)));
    out.writeBytes(field(3, str(output + "_node")));
    out.writeBytes(field(4, str(op)));
    return cat(out.toByteArray(), attrs);
  }

  private static byte[] attrInt(String name, long v) {
    return field(5, cat(field(1, str(name)), varintField(3, v), varintField(20, 2)));
  }

  private static byte[] attrInts(String name, long... vs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(field(1, str(name)));
    for (long v : vs) {
      out.writeBytes(varintField(8, v));
    }
    out.writeBytes(varintField(20, 7));
    return field(5, out.toByteArray());
  }

  private static byte[] tensor(String name, int type, byte[] raw, long... dims) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long d : dims) {
      out.writeBytes(varintField(1, d));
    }
    out.writeBytes(varintField(2, type));
    out.writeBytes(field(8, str(name)));
    out.writeBytes(field(9, raw));
    return out.toByteArray();
  }

  /** A tensor value info with a dynamic first dimension "N". */
  private static byte[] valueInfo(String name, int elemType, long... dims) {
    ByteArrayOutputStream shape = new ByteArrayOutputStream();
    shape.writeBytes(field(1, field(2, str("N"))));
    for (long d : dims) {
      shape.writeBytes(field(1, varintField(1, d)));
    }
    byte[] tensorType = cat(varintField(1, elemType), field(2, shape.toByteArray()));
    return cat(field(1, str(name)), field(2, field(1, tensorType)));
  }

  private static byte[] str(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] field(int number, byte[] payload) {
    return cat(varint((long) number << 3 | 2), varint(payload.length), payload);
  }

  private static byte[] varintField(int number, long v) {
    return cat(varint((long) number << 3), varint(v));
  }

  private static byte[] varint(long v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
