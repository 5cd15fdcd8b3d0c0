package io.asmnet.schemas.serde;

import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.rest.client.exception.NotFoundException;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaParseException;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde of one generated Avro type in Confluent Schema Registry framing: {@code 00}, the
 * 4-byte big-endian schema id, then the Avro binary body. The registry work (registering the
 * writer's schema under the subject {@code <topic>-value}, looking ids up, caching) is Apicurio
 * Registry's serdes', configured by {@link RegistrySettings}; the body is read here, as strictly as
 * {@link AvroSerde} reads it, and resolved to the compiled schema (fields a newer writer added are
 * skipped, fields it lacks take their defaults).
 *
 * <p><b>Errors.</b> Bytes that are not a readable record are a {@link WireFormatException} (not
 * framed, truncated, corrupt body, a writer schema that cannot be read as this type); an id the
 * registry does not have is an {@link UnknownSchemaException}. A registry that cannot be reached or
 * that fails is a {@link SchemaRegistryException}, never a {@code WireFormatException}: the record
 * is fine, the registry is not. A writer schema once read is kept for the life of the serde (ids
 * are immutable), so known ids keep decoding while the registry is down.
 *
 * <p>Thread-safe. Owns Apicurio's serializer and deserializer (their registry client): {@link
 * #close} releases them.
 */
final class RegistrySerde<T extends SpecificRecord>
    implements Serde<T>, Serializer<T>, Deserializer<T> {
  static final byte MAGIC = 0;
  static final int HEADER_LENGTH = 5;

  private final Schema reader;
  private final SpecificData model;
  private final String typeName;
  private final String url;
  private final AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
  private final AvroKafkaDeserializer<Object> lookup = new AvroKafkaDeserializer<>();
  private final ConcurrentMap<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();

  RegistrySerde(Class<T> type, RegistrySettings settings) {
    Objects.requireNonNull(type, "type");
    this.model = TrustedSpecificData.forClass(type);
    this.reader = model.getSchema(type);
    this.typeName = reader.getFullName();
    this.url = settings.apiUrl();
    Map<String, Object> config = settings.serdeConfig();
    serializer.configure(config, false);
    lookup.configure(config, false);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return serializer.serialize(topic, data);
    } catch (RuntimeException e) {
      // Encoding a valid generated record only fails when registering or finding its schema does.
      throw new SchemaRegistryException(
          "cannot register the "
              + typeName
              + " schema for topic "
              + topic
              + " in the registry at "
              + url
              + ": "
              + rootMessage(e),
          e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    long id = checkHeader(bytes);
    return BodyDecoder.readBody(readerFor(id), bytes, HEADER_LENGTH, typeName, "schema id " + id);
  }

  private long checkHeader(byte[] bytes) {
    if (bytes == null) {
      throw new WireFormatException("null payload: expected a " + typeName + " record");
    }
    if (bytes.length == 0) {
      throw new WireFormatException("empty payload: expected a " + typeName + " record");
    }
    if (bytes[0] != MAGIC) {
      String hint =
          bytes[0] == (byte) 0xC3 && bytes.length > 1 && bytes[1] == 0x01
              ? " (C3 01 is Avro single-object encoding: serde.format=single-object)"
              : bytes[0] == '{' || bytes[0] == '[' ? " (these bytes look like JSON)" : "";
      throw new WireFormatException(
          String.format(
              "wrong magic byte %02X: expected 00 (Confluent Schema"
                  + " Registry framing) for a %s%s",
              bytes[0], typeName, hint));
    }
    if (bytes.length < HEADER_LENGTH) {
      throw new WireFormatException(
          "truncated header: "
              + bytes.length
              + " bytes, Confluent framing needs "
              + HEADER_LENGTH
              + " before the body (expected a "
              + typeName
              + ")");
    }
    // The id as the configured id handler reads it (4 bytes, big-endian: Confluent's content id).
    return lookup.getIdHandler().readId(ByteBuffer.wrap(bytes, 1, 4)).getContentId();
  }

  private DatumReader<T> readerFor(long id) {
    DatumReader<T> known = readers.get(id);
    if (known != null) {
      return known;
    }
    Schema writer = writerSchema(id);
    var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      String name =
          writer.getType() == Schema.Type.RECORD
              ? writer.getFullName()
              : writer.getType().getName();
      throw new WireFormatException(
          "schema id "
              + id
              + " (a "
              + name
              + ") cannot be read as "
              + typeName
              + (name.equals(typeName)
                  ? ": " + compatibility.getResult().getIncompatibilities()
                  : " (wrong topic or serde?)"));
    }
    DatumReader<T> created = new SpecificDatumReader<>(writer, reader, model);
    DatumReader<T> raced = readers.putIfAbsent(id, created);
    return raced != null ? raced : created;
  }

  private Schema writerSchema(long id) {
    ArtifactReference ref = ArtifactReference.builder().contentId(id).build();
    try {
      return lookup
          .getSchemaResolver()
          .resolveSchemaByArtifactReference(ref)
          .getParsedSchema()
          .getParsedSchema();
    } catch (RuntimeException e) {
      if (causedBy(e, NotFoundException.class)) {
        throw new UnknownSchemaException(
            "unknown schema id "
                + id
                + ": the registry at "
                + url
                + " has no schema with this id (expected a "
                + typeName
                + "; produced against another registry?)");
      }
      if (causedBy(e, SchemaParseException.class)) {
        throw new WireFormatException(
            "schema id "
                + id
                + " in the registry at "
                + url
                + " is not an Avro schema (expected a "
                + typeName
                + "): "
                + rootMessage(e));
      }
      throw new SchemaRegistryException(
          "cannot look up schema id " + id + " in the registry at " + url + ": " + rootMessage(e),
          e);
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What went wrong, for a person: the registry's own error (code, name, message, detail) when it
   * answered, else the deepest message in the chain. Apicurio's client reports a registry that does
   * not answer at all as a bare RestClientException without message or cause.
   */
  static String rootMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RestClientException r && r.getError() != null) {
        var error = r.getError();
        String text =
            java.util.stream.Stream.of(
                    error.getErrorCode() == null ? null : "HTTP " + error.getErrorCode(),
                    error.getName(),
                    error.getMessage(),
                    error.getDetail())
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(": "));
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return message != null ? message : "no answer (is it running, and reachable from here?)";
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
    // Configured at construction from RegistrySettings.
  }

  @Override
  public void close() {
    serializer.close();
    lookup.close();
  }

  @Override
  public String toString() {
    return "RegistrySerde[" + typeName + ", " + url + "]";
  }
}
