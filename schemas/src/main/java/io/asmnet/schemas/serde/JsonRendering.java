package io.asmnet.schemas.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Our records as one-line JSON, for people, logs and command lines, and back.
 *
 * <p>The shape is plain JSON, not Avro's JSON encoding: records are objects with the schema's field
 * names, enums their symbol, arrays and maps as such, a nullable union ({@code ["null", X]}) its
 * bare value or {@code null} (Avro would write {@code {"int": 640}}); any other union is wrapped
 * Avro-style as {@code {"branch full name": value}}. Floats print in their shortest exact form; NaN
 * and infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p><b>Bytes, the one choice.</b> {@link #toJson} writes bytes (and fixed) as standard base64, so
 * it is lossless and {@link #fromJson} reads it back: the form for tools that write records. A 48
 * KB JPEG frame then makes a 64 KB line, which no one reads; {@link #toDisplayJson} writes bytes as
 * {@code "<48213 bytes hex ffd8ffe000104a46...>"} (length and the first 8 bytes, enough to tell a
 * JPEG from PNG or H.264), or, for up to 64 bytes of printable UTF-8 such as a dead letter's key,
 * {@code "<12 bytes text 'lobby-cam-02'>"}: for a person watching a topic. Display JSON cannot be
 * parsed back.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonRendering {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int DISPLAY_PREFIX_BYTES = 8;
  private static final int DISPLAY_TEXT_BYTES = 64;

  private JsonRendering() {}

  /** Lossless one-line JSON of {@code record}; bytes as base64. */
  public static String toJson(IndexedRecord record) {
    return render(record, false);
  }

  /** One-line JSON for people: like {@link #toJson} but bytes shown as length and prefix. */
  public static String toDisplayJson(IndexedRecord record) {
    return render(record, true);
  }

  /**
   * Parses {@link #toJson} output (or hand-written JSON of that shape) into the generated type.
   * Absent fields take their schema default; unknown fields are an error (a typo should not
   * silently fall back to a default).
   *
   * @throws WireFormatException naming the JSON path of the first problem
   */
  public static <T extends SpecificRecord> T fromJson(String json, Class<T> type) {
    TrustedSpecificData model = TrustedSpecificData.forClass(type);
    return type.cast(JsonRecordParser.parse(json, model.getSchema(type), model));
  }

  /** As {@link #fromJson(String, Class)}, into a generic record of {@code schema}. */
  public static GenericRecord fromJson(String json, Schema schema) {
    return (GenericRecord) JsonRecordParser.parse(json, schema, GenericData.get());
  }

  private static String render(IndexedRecord record, boolean display) {
    if (record == null) {
      throw new WireFormatException("cannot render a null record as JSON");
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      write(record.getSchema(), record, gen, display);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    } catch (RuntimeException e) {
      throw new WireFormatException(
          "cannot render " + record.getSchema().getFullName() + " as JSON: " + e, e);
    }
    return out.toString();
  }

  private static void write(Schema schema, Object value, JsonGenerator gen, boolean display)
      throws IOException {
    switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) value;
        gen.writeStartObject();
        for (Schema.Field field : schema.getFields()) {
          gen.writeFieldName(field.name());
          write(field.schema(), record.get(field.pos()), gen, display);
        }
        gen.writeEndObject();
      }
      case ARRAY -> {
        gen.writeStartArray();
        for (Object item : (Collection<?>) value) {
          write(schema.getElementType(), item, gen, display);
        }
        gen.writeEndArray();
      }
      case MAP -> {
        gen.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          gen.writeFieldName(entry.getKey().toString());
          write(schema.getValueType(), entry.getValue(), gen, display);
        }
        gen.writeEndObject();
      }
      case UNION -> writeUnion(schema, value, gen, display);
      case BYTES -> writeBytes(toArray((ByteBuffer) value), gen, display);
      case FIXED -> writeBytes(((GenericFixed) value).bytes(), gen, display);
      case ENUM, STRING -> gen.writeString(value.toString());
      case INT -> gen.writeNumber(((Number) value).intValue());
      case LONG -> gen.writeNumber(((Number) value).longValue());
      case FLOAT -> writeFloat(((Number) value).floatValue(), gen);
      case DOUBLE -> writeDouble(((Number) value).doubleValue(), gen);
      case BOOLEAN -> gen.writeBoolean((Boolean) value);
      case NULL -> gen.writeNull();
    }
  }

  private static void writeUnion(Schema union, Object value, JsonGenerator gen, boolean display)
      throws IOException {
    Schema branch = union.getTypes().get(GenericData.get().resolveUnion(union, value));
    if (JsonRecordParser.isNullable(union) || branch.getType() == Schema.Type.NULL) {
      write(branch, value, gen, display);
      return;
    }
    gen.writeStartObject();
    gen.writeFieldName(branch.getFullName());
    write(branch, value, gen, display);
    gen.writeEndObject();
  }

  private static void writeBytes(byte[] bytes, JsonGenerator gen, boolean display)
      throws IOException {
    if (!display) {
      gen.writeString(Base64.getEncoder().encodeToString(bytes));
      return;
    }
    gen.writeString(describe(bytes));
  }

  /** {@code <12 bytes text 'cam-1'>} for short printable UTF-8, else {@code <N bytes hex ...>}. */
  static String describe(byte[] bytes) {
    if (bytes.length == 0) {
      return "<0 bytes>";
    }
    String text = bytes.length <= DISPLAY_TEXT_BYTES ? printableUtf8(bytes) : null;
    if (text != null) {
      return "<" + bytes.length + " bytes text '" + text + "'>";
    }
    int shown = Math.min(bytes.length, DISPLAY_PREFIX_BYTES);
    return "<"
        + bytes.length
        + " bytes hex "
        + HexFormat.of().formatHex(bytes, 0, shown)
        + (bytes.length > shown ? "..." : "")
        + ">";
  }

  private static String printableUtf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      boolean printable =
          !text.isEmpty()
              && text.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '\'');
      return printable ? text : null;
    } catch (CharacterCodingException e) {
      return null; // binary: shown as hex
    }
  }

  private static void writeFloat(float value, JsonGenerator gen) throws IOException {
    if (Float.isFinite(value)) {
      gen.writeNumber(value);
    } else {
      gen.writeString(Float.toString(value));
    }
  }

  private static void writeDouble(double value, JsonGenerator gen) throws IOException {
    if (Double.isFinite(value)) {
      gen.writeNumber(value);
    } else {
      gen.writeString(Double.toString(value));
    }
  }

  private static byte[] toArray(ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate(); // never move the record's own position
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
