package io.asmnet.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads single-object bytes into the reader schema's type: checks the header itself (so each
 * failure gets its own message) and resolves the writer schema by fingerprint among a fixed set.
 * Immutable; the datum readers are shared across threads, as Avro's own message decoders do (their
 * resolver cache is per thread).
 */
final class BodyDecoder<T> {
  static final int HEADER_LENGTH = 10;
  private static final byte MAGIC_0 = (byte) 0xC3;
  private static final byte MAGIC_1 = (byte) 0x01;

  private final String typeName;
  private final Map<Long, Schema> writers;
  private final Map<Long, DatumReader<T>> readers;

  BodyDecoder(Schema reader, SpecificData model, Map<Long, Schema> writers) {
    this.typeName = reader.getFullName();
    this.writers = Map.copyOf(writers);
    this.readers =
        writers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey,
                    e -> new SpecificDatumReader<T>(e.getValue(), reader, model)));
  }

  List<Schema> writerSchemas() {
    return List.copyOf(writers.values());
  }

  T decode(byte[] bytes) {
    checkHeader(bytes);
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    DatumReader<T> reader = readers.get(fingerprint);
    if (reader == null) {
      throw new UnknownSchemaException(unknownFingerprint(fingerprint));
    }
    return readBody(
        reader, bytes, HEADER_LENGTH, typeName, "writer schema " + WireTypes.hex(fingerprint));
  }

  /**
   * Reads one whole record of {@code typeName} from {@code bytes[offset..]} with {@code reader}: a
   * corrupt or truncated body, or bytes left after the record, is a {@link WireFormatException}
   * whose message names {@code writer} (the fingerprint or registry id of the writer schema).
   */
  static <T> T readBody(
      DatumReader<T> reader, byte[] bytes, int offset, String typeName, String writer) {
    BinaryDecoder in =
        DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null);
    T record;
    try {
      record = reader.read(null, in);
    } catch (IOException | RuntimeException e) {
      // Garbage after a valid header surfaces from Avro as EOF, negative lengths, bad union or
      // enum indexes (AvroRuntimeException, IndexOutOfBounds...): all mean "corrupt body" here.
      throw new WireFormatException(
          "corrupt or truncated "
              + typeName
              + " body ("
              + bytes.length
              + " bytes, "
              + writer
              + "): "
              + e,
          e);
    }
    int trailing = remaining(in);
    if (trailing != 0) {
      throw new WireFormatException(
          "corrupt "
              + typeName
              + ": "
              + trailing
              + " trailing bytes after a complete record of "
              + (bytes.length - trailing)
              + " bytes");
    }
    return record;
  }

  private void checkHeader(byte[] bytes) {
    if (bytes == null) {
      throw new WireFormatException("null payload: expected a " + typeName + " record");
    }
    if (bytes.length == 0) {
      throw new WireFormatException("empty payload: expected a " + typeName + " record");
    }
    if (bytes[0] != MAGIC_0 || (bytes.length > 1 && bytes[1] != MAGIC_1)) {
      throw new WireFormatException(
          "wrong magic marker "
              + hexPrefix(bytes)
              + ": expected C3 01 (Avro single-object"
              + " encoding) for a "
              + typeName
              + hint(bytes[0]));
    }
    if (bytes.length < HEADER_LENGTH) {
      throw new WireFormatException(
          "truncated header: "
              + bytes.length
              + " bytes, a single-object header needs "
              + HEADER_LENGTH
              + " (expected a "
              + typeName
              + ")");
    }
  }

  private String unknownFingerprint(long fingerprint) {
    String known =
        writers.keySet().stream().map(WireTypes::hex).sorted().collect(Collectors.joining(", "));
    String what =
        WireTypes.nameOf(fingerprint)
            .map(name -> "; these bytes are a " + name + " (wrong topic or serde?)")
            .orElse(
                "; if it is a newer or older version of "
                    + typeName
                    + ", the reader must know its"
                    + " writer schema (the processor: put its .avsc in the folder named by serde.extra.schemas.dir;"
                    + " code: AvroSerde.withKnownSchemas)");
    return "unknown schema fingerprint "
        + WireTypes.hex(fingerprint)
        + ": expected a "
        + typeName
        + " (known fingerprints: "
        + known
        + ")"
        + what;
  }

  private static int remaining(BinaryDecoder in) {
    try {
      return in.isEnd() ? 0 : Math.max(in.remainingBytes(), 1);
    } catch (IOException e) {
      throw new WireFormatException("cannot check for trailing bytes: " + e, e);
    }
  }

  private static String hexPrefix(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(2, bytes.length); i++) {
      sb.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
    }
    return sb.toString();
  }

  private static String hint(byte first) {
    if (first == '{' || first == '[') {
      return " (these bytes look like JSON)";
    }
    if (first == 0) {
      return " (a leading 00 is Confluent Schema Registry framing: serde.format=registry)";
    }
    return "";
  }
}
