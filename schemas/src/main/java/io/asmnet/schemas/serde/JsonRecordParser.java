package io.asmnet.schemas.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Reads the JSON shape {@link JsonRendering} writes into records of a schema, via an Avro data
 * model (a {@code SpecificData} builds generated classes, {@code GenericData} generic records).
 * Every mismatch is a {@link WireFormatException} naming the JSON path, e.g. {@code
 * faces[0].landmarks[3].x}. Immutable and thread-safe.
 */
final class JsonRecordParser {
  // Floats as BigDecimal, so a float prints and parses back to the same bits (no double rounding).
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final GenericData model;
  private final String typeName;

  private JsonRecordParser(GenericData model, String typeName) {
    this.model = model;
    this.typeName = typeName;
  }

  static Object parse(String json, Schema schema, GenericData model) {
    if (json == null) {
      throw new WireFormatException("null JSON: expected a " + schema.getFullName());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new WireFormatException(
          "not JSON (expected a " + schema.getFullName() + "): " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new WireFormatException("empty JSON: expected a " + schema.getFullName());
    }
    return new JsonRecordParser(model, schema.getFullName()).read(schema, root, "$");
  }

  /** True for {@code ["null", X]} and {@code [X, "null"]}: rendered as X or null. */
  static boolean isNullable(Schema union) {
    return union.getTypes().size() == 2
        && union.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
  }

  private Object read(Schema schema, JsonNode node, String path) {
    return switch (schema.getType()) {
      case RECORD -> readRecord(schema, node, path);
      case ARRAY -> readArray(schema, node, path);
      case MAP -> readMap(schema, node, path);
      case UNION -> readUnion(schema, node, path);
      case ENUM -> readEnum(schema, node, path);
      case STRING -> expect(node.isTextual(), node, path, "a string").textValue();
      case BYTES -> ByteBuffer.wrap(base64(node, path));
      case FIXED -> readFixed(schema, node, path);
      case INT ->
          expect(node.isIntegralNumber() && node.canConvertToInt(), node, path, "an int")
              .intValue();
      case LONG ->
          expect(node.isIntegralNumber() && node.canConvertToLong(), node, path, "a long")
              .longValue();
      case FLOAT -> Float.parseFloat(decimalText(node, path));
      case DOUBLE -> Double.parseDouble(decimalText(node, path));
      case BOOLEAN -> expect(node.isBoolean(), node, path, "true or false").booleanValue();
      case NULL -> {
        expect(node.isNull(), node, path, "null");
        yield null;
      }
    };
  }

  private Object readRecord(Schema schema, JsonNode node, String path) {
    expect(node.isObject(), node, path, "an object (" + schema.getName() + ")");
    Set<String> unknown = new HashSet<>();
    node.properties().forEach(e -> unknown.add(e.getKey()));
    Object record = model.newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      unknown.remove(field.name());
      JsonNode value = node.get(field.name());
      String at = path + "." + field.name();
      Object parsed;
      if (value != null) {
        parsed = read(field.schema(), value, at);
      } else if (field.hasDefaultValue()) {
        parsed = model.getDefaultValue(field);
      } else {
        throw fail(at, "missing field (it has no default)");
      }
      model.setField(record, field.name(), field.pos(), parsed);
    }
    if (!unknown.isEmpty()) {
      throw fail(path, "unknown field(s) " + unknown + " for " + schema.getName());
    }
    return record;
  }

  private List<Object> readArray(Schema schema, JsonNode node, String path) {
    expect(node.isArray(), node, path, "an array");
    List<Object> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(read(schema.getElementType(), node.get(i), path + "[" + i + "]"));
    }
    return items;
  }

  private Map<String, Object> readMap(Schema schema, JsonNode node, String path) {
    expect(node.isObject(), node, path, "an object (map)");
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      map.put(e.getKey(), read(schema.getValueType(), e.getValue(), path + "." + e.getKey()));
    }
    return map;
  }

  private Object readUnion(Schema union, JsonNode node, String path) {
    if (isNullable(union)) {
      if (node.isNull()) {
        return null;
      }
      Schema other =
          union.getTypes().stream()
              .filter(s -> s.getType() != Schema.Type.NULL)
              .findFirst()
              .orElseThrow();
      return read(other, node, path);
    }
    if (node.isNull() && union.getIndexNamed("null") != null) {
      return null;
    }
    expect(
        node.isObject() && node.size() == 1,
        node,
        path,
        "an object with one key naming the union branch");
    String branch = node.properties().iterator().next().getKey();
    Integer index = union.getIndexNamed(branch);
    if (index == null) {
      throw fail(path, "unknown union branch \"" + branch + "\"");
    }
    return read(union.getTypes().get(index), node.get(branch), path + "." + branch);
  }

  private Object readEnum(Schema schema, JsonNode node, String path) {
    expect(node.isTextual(), node, path, "a symbol of " + schema.getEnumSymbols());
    if (!schema.hasEnumSymbol(node.textValue())) {
      throw fail(path, "\"" + node.textValue() + "\" is not one of " + schema.getEnumSymbols());
    }
    return model.createEnum(node.textValue(), schema);
  }

  private Object readFixed(Schema schema, JsonNode node, String path) {
    byte[] bytes = base64(node, path);
    if (bytes.length != schema.getFixedSize()) {
      throw fail(path, bytes.length + " bytes, the fixed type needs " + schema.getFixedSize());
    }
    return model.createFixed(null, bytes, schema);
  }

  private byte[] base64(JsonNode node, String path) {
    expect(node.isTextual(), node, path, "a base64 string");
    try {
      return Base64.getDecoder().decode(node.textValue());
    } catch (IllegalArgumentException e) {
      throw fail(
          path,
          "not base64 (display JSON like \"<N bytes ...>\" cannot be read back): "
              + e.getMessage());
    }
  }

  private String decimalText(JsonNode node, String path) {
    if (node.isTextual() && Set.of("NaN", "Infinity", "-Infinity").contains(node.textValue())) {
      return node.textValue();
    }
    expect(node.isNumber(), node, path, "a number");
    return node.decimalValue().toString();
  }

  private JsonNode expect(boolean ok, JsonNode node, String path, String what) {
    if (!ok) {
      String got = node.toString();
      throw fail(
          path,
          "expected " + what + ", got " + (got.length() > 60 ? got.substring(0, 60) + "..." : got));
    }
    return node;
  }

  private WireFormatException fail(String path, String problem) {
    return new WireFormatException("JSON for " + typeName + ", at " + path + ": " + problem);
  }
}
