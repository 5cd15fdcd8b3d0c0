package io.asmnet.trainer.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TensorFlow.js model as its converter writes it: {@code model.json} (format, topology, weights
 * manifest) plus the binary shards the manifest names, next to it. Graph models ({@code "format":
 * "graph-model"}) and Keras layers models both read this way; the topology is left as JSON for the
 * caller.
 *
 * <p>Weights are decoded as the TFJS loader does: the shards of all groups form one little-endian
 * byte stream, consumed in manifest order. float32 weights may be stored as float32, float16, or
 * affine-quantised uint8/uint16 ({@code value = min + scale * q}).
 */
public record TfjsModelFile(String format, JsonNode json, Map<String, TfjsTensor> weights) {
  public TfjsModelFile {
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  /** The {@code modelTopology} object. */
  public JsonNode topology() {
    return json.path("modelTopology");
  }

  /** The named weight; fails naming the model's weight count when absent. */
  public TfjsTensor weight(String name) {
    TfjsTensor t = weights.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "no weight named " + name + " among the model's " + weights.size());
    }
    return t;
  }

  /** Reads {@code modelJson} and every shard its manifest lists (paths relative to it). */
  public static TfjsModelFile read(Path modelJson) {
    try {
      JsonNode json = new ObjectMapper().readTree(modelJson.toFile());
      Path dir = modelJson.toAbsolutePath().getParent();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      Map<String, TfjsTensor> weights = new LinkedHashMap<>();
      JsonNode groups = json.path("weightsManifest");
      for (JsonNode group : groups) {
        for (JsonNode path : group.path("paths")) {
          all.write(Files.readAllBytes(dir.resolve(path.asText())));
        }
      }
      ByteBuffer bytes = ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode group : groups) {
        for (JsonNode spec : group.path("weights")) {
          TfjsTensor t = decode(spec, bytes);
          weights.put(t.name(), t);
        }
      }
      if (bytes.hasRemaining()) {
        throw new IllegalArgumentException(
            modelJson
                + ": "
                + bytes.remaining()
                + " shard bytes left over after the manifest's weights");
      }
      return new TfjsModelFile(json.path("format").asText(""), json, weights);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TFJS model " + modelJson, e);
    }
  }

  private static TfjsTensor decode(JsonNode spec, ByteBuffer bytes) {
    String name = spec.path("name").asText();
    JsonNode dims = spec.path("shape");
    long[] shape = new long[dims.size()];
    int n = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i).asLong();
      n = Math.multiplyExact(n, (int) shape[i]);
    }
    String dtype = spec.path("dtype").asText();
    JsonNode q = spec.path("quantization");
    String stored = q.isMissingNode() ? dtype : q.path("dtype").asText();
    if (bytes.remaining() < (long) n * width(name, stored)) {
      throw new IllegalArgumentException("shards end inside weight " + name);
    }
    if (dtype.equals("int32") && stored.equals("int32")) {
      int[] ints = new int[n];
      bytes.asIntBuffer().get(ints);
      bytes.position(bytes.position() + 4 * n);
      return new TfjsTensor(name, shape, null, ints);
    }
    if (!dtype.equals("float32")) {
      throw new IllegalArgumentException(
          "weight " + name + ": dtype " + dtype + " stored as " + stored + " is not supported");
    }
    float[] f = new float[n];
    switch (stored) {
      case "float32" -> {
        bytes.asFloatBuffer().get(f);
        bytes.position(bytes.position() + 4 * n);
      }
      case "float16" -> {
        for (int i = 0; i < n; i++) {
          f[i] = Half.toFloat(bytes.getShort());
        }
      }
      case "uint8", "uint16" -> {
        float min = (float) q.path("min").asDouble();
        float scale = (float) q.path("scale").asDouble();
        for (int i = 0; i < n; i++) {
          int v = stored.equals("uint8") ? bytes.get() & 0xff : bytes.getShort() & 0xffff;
          f[i] = min + scale * v;
        }
      }
      default ->
          throw new IllegalArgumentException(
              "weight " + name + ": quantisation " + stored + " is not supported");
    }
    return new TfjsTensor(name, shape, f, null);
  }

  private static int width(String name, String stored) {
    return switch (stored) {
      case "float32", "int32" -> 4;
      case "float16", "uint16" -> 2;
      case "uint8" -> 1;
      default ->
          throw new IllegalArgumentException(
              "weight " + name + ": storage " + stored + " is not supported");
    };
  }

  /** IEEE 754 half to float (Java 17 has no Float.float16ToFloat). */
  static final class Half {
    private Half() {}

    static float toFloat(short bits) {
      int h = bits & 0xffff;
      int sign = (h >>> 15) << 31;
      int exp = (h >>> 10) & 0x1f;
      int mant = h & 0x3ff;
      if (exp == 0x1f) {
        return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
      }
      if (exp == 0) {
        // zero or subnormal: mant * 2^-24
        float v = mant * 0x1p-24f;
        return sign != 0 ? -v : v;
      }
      return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
  }
}
