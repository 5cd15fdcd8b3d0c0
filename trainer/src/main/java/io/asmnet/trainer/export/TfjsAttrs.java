package io.asmnet.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads TF node attributes as the TFJS converter writes them in {@code model.json}: JSON forms of
 * {@code AttrValue}, strings base64-encoded, integers as decimal strings.
 */
final class TfjsAttrs {
  private TfjsAttrs() {}

  static String string(JsonNode node, String key, String fallback) {
    JsonNode v = node.path("attr").path(key).path("s");
    return v.isMissingNode()
        ? fallback
        : new String(Base64.getDecoder().decode(v.asText()), StandardCharsets.UTF_8);
  }

  static List<String> strings(JsonNode node, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : node.path("attr").path(key).path("list").path("s")) {
      out.add(new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** An int list, or {@code fallback} when the attribute or its list is absent. */
  static long[] ints(JsonNode node, String key, long... fallback) {
    JsonNode list = node.path("attr").path(key).path("list").path("i");
    if (!list.isArray() || list.isEmpty()) {
      return fallback;
    }
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).asLong();
    }
    return out;
  }

  static float number(JsonNode node, String key, float fallback) {
    JsonNode v = node.path("attr").path(key).path("f");
    return v.isMissingNode() ? fallback : (float) v.asDouble();
  }

  /** The dims of a {@code shape} attribute; -1 for an unknown size. */
  static long[] shape(JsonNode node, String key) {
    JsonNode shape = node.path("attr").path(key).path("shape");
    if (shape.path("unknownRank").asBoolean(false)) {
      return null;
    }
    JsonNode dims = shape.path("dim");
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dims.get(i).path("size").asLong(-1);
    }
    return out;
  }
}
