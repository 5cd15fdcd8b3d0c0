package io.asmnet.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificRecord;

/**
 * Our records in Avro's own JSON encoding (the specification's "JSON Encoding": unions as {@code
 * {"type": value}}, bytes as ISO-8859-1 code points), one line per record, written and read by
 * Avro's {@code JsonEncoder}/{@code JsonDecoder}: the form that avro-tools ({@code fromjson
 * --schema-file}), Python's and other languages' Avro libraries read back. Unlike {@link
 * JsonRendering} it needs the schema to be read. Stateless and thread-safe.
 */
public final class AvroJson {
  private AvroJson() {}

  /** {@code record} as one line of Avro JSON encoding. */
  public static String toAvroJson(IndexedRecord record) {
    if (record == null) {
      throw new WireFormatException("cannot encode a null record as Avro JSON");
    }
    Schema schema = record.getSchema();
    GenericData model =
        record instanceof SpecificRecord
            ? TrustedSpecificData.forClass(record.getClass())
            : GenericData.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out, false);
      new GenericDatumWriter<IndexedRecord>(schema, model).write(record, encoder);
      encoder.flush();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new WireFormatException(
          "cannot encode " + schema.getFullName() + " as Avro JSON: " + e, e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads one {@link #toAvroJson} line (or any Avro JSON of that schema) into the generated type.
   */
  public static <T extends SpecificRecord> T fromAvroJson(String json, Class<T> type) {
    TrustedSpecificData model = TrustedSpecificData.forClass(type);
    Schema schema = model.getSchema(type);
    try {
      Object value =
          new GenericDatumReader<>(schema, schema, model)
              .read(null, DecoderFactory.get().jsonDecoder(schema, json));
      return type.cast(value);
    } catch (IOException | AvroRuntimeException e) {
      throw new WireFormatException(
          "not Avro JSON of " + schema.getFullName() + ": " + e.getMessage(), e);
    }
  }
}
