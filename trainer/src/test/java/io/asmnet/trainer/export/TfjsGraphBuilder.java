package io.asmnet.trainer.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Test helper: writes a small TFJS graph model (model.json + one float32/int32 shard). */
final class TfjsGraphBuilder {
  private final ObjectMapper json = new ObjectMapper();
  private final ObjectNode root = json.createObjectNode();
  private final ArrayNode nodes;
  private final ArrayNode weights;
  private final ByteArrayOutputStream shard = new ByteArrayOutputStream();

  TfjsGraphBuilder() {
    root.put("format", "graph-model");
    nodes = root.putObject("modelTopology").putArray("node");
    ObjectNode group = root.putArray("weightsManifest").addObject();
    group.putArray("paths").add("model.bin");
    weights = group.putArray("weights");
  }

  TfjsGraphBuilder placeholder(String name, long... dims) {
    ObjectNode shape =
        node(name, "Placeholder").putObject("attr").putObject("shape").putObject("shape");
    ArrayNode d = shape.putArray("dim");
    for (long x : dims) {
      d.addObject().put("size", Long.toString(x));
    }
    return this;
  }

  TfjsGraphBuilder floats(String name, float[] values, long... shape) {
    node(name, "Const");
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    shard.writeBytes(b.array());
    manifest(name, "float32", shape);
    return this;
  }

  TfjsGraphBuilder ints(String name, int[] values, long... shape) {
    node(name, "Const");
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    shard.writeBytes(b.array());
    manifest(name, "int32", shape);
    return this;
  }

  /** An op node; attrs as key, value pairs: String values become "s", long[] become "list.i". */
  TfjsGraphBuilder op(String name, String op, String[] inputs, Object... attrs) {
    ObjectNode n = node(name, op);
    ArrayNode in = n.putArray("input");
    for (String i : inputs) {
      in.add(i);
    }
    ObjectNode a = n.putObject("attr");
    for (int i = 0; i < attrs.length; i += 2) {
      String key = (String) attrs[i];
      if (attrs[i + 1] instanceof String s) {
        a.putObject(key)
            .put("s", Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
      } else if (attrs[i + 1] instanceof String[] list) {
        ArrayNode l = a.putObject(key).putObject("list").putArray("s");
        for (String s : list) {
          l.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
      } else {
        ArrayNode l = a.putObject(key).putObject("list").putArray("i");
        for (long v : (long[]) attrs[i + 1]) {
          l.add(Long.toString(v));
        }
      }
    }
    return this;
  }

  Path write(Path dir) throws IOException {
    Files.write(dir.resolve("model.bin"), shard.toByteArray());
    Path file = dir.resolve("model.json");
    json.writeValue(file.toFile(), root);
    return file;
  }

  private ObjectNode node(String name, String op) {
    return nodes.addObject().put("name", name).put("op", op);
  }

  private void manifest(String name, String dtype, long... shape) {
    ObjectNode w = weights.addObject().put("name", name).put("dtype", dtype);
    ArrayNode s = w.putArray("shape");
    for (long d : shape) {
      s.add(d);
    }
  }
}
