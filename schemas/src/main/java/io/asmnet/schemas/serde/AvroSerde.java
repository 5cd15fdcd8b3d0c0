package io.asmnet.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer, deserializer and serde of one generated Avro type in Avro single-object
 * encoding: {@code C3 01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema's
 * parsing canonical form, then the Avro binary body (the same bytes as Avro's own {@link
 * BinaryMessageEncoder}, and the generated {@code toByteBuffer()}).
 *
 * <p><b>Schema resolution rule.</b> A writer always writes the schema compiled into it. A reader
 * finds the writer schema by the fingerprint among the schemas it knows: the compiled one plus
 * those given to {@link #withKnownSchemas}, and resolves it to the compiled schema with Avro's
 * schema resolution (fields the writer added are skipped; fields the writer lacks take their
 * default). So when a schema changes (only by adding or removing fields that have defaults),
 * readers must learn the new writer schema (release it, register it) <em>before</em> writers emit
 * it; until then its bytes fail with a {@link WireFormatException} naming the unknown fingerprint,
 * which the processor turns into a dead letter rather than guessing.
 *
 * <p><b>Errors.</b> Every decoding failure is a {@link WireFormatException} whose message names the
 * problem (null, empty, wrong magic marker, unknown fingerprint, corrupt or truncated body,
 * trailing bytes) and the expected type; never a raw Avro, I/O or index exception. {@code
 * serialize(null)} returns null (Kafka's tombstone convention) but {@code deserialize(null)}
 * throws: none of our topics carries tombstones, so a null value is a producer's bug.
 *
 * <p>Immutable and thread-safe: one instance may serve every stream thread. Configuration via
 * {@link #configure} is ignored (everything is fixed at construction).
 *
 * @param <T> the generated record type
 */
public final class AvroSerde<T extends SpecificRecord>
    implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final Class<T> type;
  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BodyDecoder<T> decoder;

  private AvroSerde(Class<T> type, List<Schema> extraWriterSchemas) {
    this.type = Objects.requireNonNull(type, "type");
    SpecificData model = TrustedSpecificData.forClass(type);
    this.schema = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    Map<Long, Schema> writers = new LinkedHashMap<>();
    writers.put(WireTypes.fingerprint(schema), schema);
    for (Schema writer : extraWriterSchemas) {
      requireCompatible(writer);
      writers.putIfAbsent(WireTypes.fingerprint(writer), writer);
    }
    this.decoder = new BodyDecoder<>(schema, model, writers);
  }

  /** A serde of {@code type} that knows only the compiled schema of {@code type}. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type, List.of());
  }

  /**
   * A new serde that also reads records written with these older or newer versions of the schema.
   * This instance is unchanged.
   *
   * @throws IllegalArgumentException if a schema cannot be resolved to the compiled schema (a field
   *     without a default was added, or a type changed incompatibly)
   */
  public AvroSerde<T> withKnownSchemas(Schema... writerSchemas) {
    List<Schema> all = new ArrayList<>(decoder.writerSchemas());
    for (Schema writer : writerSchemas) {
      all.add(Objects.requireNonNull(writer, "writer schema"));
    }
    return new AvroSerde<>(type, all);
  }

  /** The compiled (reader and writer) schema. */
  public Schema schema() {
    return schema;
  }

  /** The fingerprint this serde writes, as in bytes 2-9 of every record (little-endian). */
  public long fingerprint() {
    return WireTypes.fingerprint(schema);
  }

  /** Encodes {@code record} (not null) to single-object bytes. */
  public byte[] encode(T record) {
    if (record == null) {
      throw new WireFormatException("cannot encode a null " + schema.getFullName());
    }
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      // A generated record with a required field left null fails deep inside Avro as an NPE.
      String hint = e instanceof NullPointerException ? " (a required field is null)" : "";
      throw new WireFormatException("cannot encode " + schema.getFullName() + hint + ": " + e, e);
    }
  }

  /** Decodes single-object bytes into a record; see the class doc for the errors. */
  public T decode(byte[] bytes) {
    return decoder.decode(bytes);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    return data == null ? null : encode(data);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return decode(data);
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Nothing to configure: the schema and the known writer schemas are fixed at construction.
  }

  @Override
  public void close() {
    // No resources held.
  }

  @Override
  public String toString() {
    return "AvroSerde["
        + schema.getFullName()
        + ", reads "
        + decoder.writerSchemas().stream()
            .map(s -> WireTypes.hex(WireTypes.fingerprint(s)))
            .collect(Collectors.joining(", "))
        + "]";
  }

  private void requireCompatible(Schema writer) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, writer);
    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new IllegalArgumentException(
          "writer schema "
              + WireTypes.hex(WireTypes.fingerprint(writer))
              + " cannot be read as "
              + schema.getFullName()
              + ": "
              + result.getResult().getIncompatibilities());
    }
  }
}
