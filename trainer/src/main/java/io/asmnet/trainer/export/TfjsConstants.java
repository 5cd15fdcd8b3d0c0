package io.asmnet.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import io.asmnet.trainer.tfjs.TfjsTensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The TFJS graph's {@code Const} nodes as ONNX initializers: each written once per layout, in TF's
 * own layout or, beside an image tensor held NCHW, transposed to broadcast the same way.
 */
final class TfjsConstants {
  private final TfjsModelFile model;
  private final Map<String, JsonNode> nodes;
  private final OnnxGraph g;
  private final Map<String, String> initializers = new HashMap<>();
  private int counter;

  TfjsConstants(TfjsModelFile model, Map<String, JsonNode> nodes, OnnxGraph g) {
    this.model = model;
    this.nodes = nodes;
    this.g = g;
  }

  boolean isConst(String name) {
    JsonNode node = nodes.get(name);
    return node != null && node.path("op").asText().equals("Const");
  }

  /** The weight of Const {@code name}, which {@code op} node {@code node} needs to be constant. */
  TfjsTensor get(String name, String op, String node) {
    if (!isConst(name)) {
      throw new UnsupportedOperationException(
          op + " node " + node + ": input " + name + " must be a constant");
    }
    return model.weight(name);
  }

  /** A float constant as an initializer, in TF's layout or as an NCHW-broadcastable tensor. */
  String initializer(String name, boolean nchw) {
    String key = name + (nchw ? "#nchw" : "#tf");
    String done = initializers.get(key);
    if (done != null) {
      return done;
    }
    TfjsTensor t = model.weight(name);
    float[] data = t.requireFloats();
    long[] dims = t.shape();
    if (nchw) {
      if (dims.length > 4) {
        throw new UnsupportedOperationException(
            "constant " + name + " of rank " + dims.length + " beside an image tensor");
      }
      // TF broadcasts from the last axis: pad the shape on the left to NHWC, then transpose.
      long[] nhwc = new long[4];
      Arrays.fill(nhwc, 1);
      System.arraycopy(dims, 0, nhwc, 4 - dims.length, dims.length);
      data = nhwcToNchw(data, nhwc);
      dims = new long[] {nhwc[0], nhwc[3], nhwc[1], nhwc[2]};
    }
    String out = g.floats(unique(name), data, dims);
    initializers.put(key, out);
    return out;
  }

  /** A unique, readable initializer name for TF constant {@code name}. */
  String unique(String name) {
    return "c" + counter++ + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static float[] nhwcToNchw(float[] src, long[] nhwc) {
    int n = (int) nhwc[0];
    int h = (int) nhwc[1];
    int w = (int) nhwc[2];
    int c = (int) nhwc[3];
    float[] dst = new float[src.length];
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int ch = 0; ch < c; ch++) {
            dst[((b * c + ch) * h + y) * w + x] = src[((b * h + y) * w + x) * c + ch];
          }
        }
      }
    }
    return dst;
  }
}
