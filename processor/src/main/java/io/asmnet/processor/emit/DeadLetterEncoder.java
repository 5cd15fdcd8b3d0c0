package io.asmnet.processor.emit;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Encodes dead letters so that each one fits in a record of at most {@code maxRecordBytes}. A dead
 * letter holds the original value whole when it fits (always, for a frame within {@code
 * decode.max.payload.bytes}: see {@link RecordLimits}). One that does not fit carries the
 * original's coordinates (topic, partition, offset, timestamp, key), its size and the first {@link
 * #PAYLOAD_PREFIX_BYTES} bytes of its value; the message says so and the record has the headers
 * {@link #ORIGINAL_BYTES_HEADER} and {@link #TRUNCATED_HEADER}. If even that does not fit (a huge
 * key or headers), the key and the original headers are left out too. Every dead letter also has
 * the {@link DeadLetterHeaders} (kind, short message, source coordinates). Thread-confined (one per
 * task).
 */
public final class DeadLetterEncoder {
  /**
   * Bytes of the original value a cut dead letter keeps: its Avro header, fields and codec header.
   */
  public static final int PAYLOAD_PREFIX_BYTES = 16 * 1024;

  /** Header on a cut dead letter: the original value's size in bytes, decimal. */
  public static final String ORIGINAL_BYTES_HEADER = "asmnet.original.bytes";

  /** Header on a cut dead letter: {@code true}. */
  public static final String TRUNCATED_HEADER = "asmnet.payload.truncated";

  // Exception messages can be long (a stack of causes); a person needs the start.
  static final int MAX_MESSAGE_CHARS = 4096;

  private final DeadLetterFactory factory;
  private final Serializer<DeadLetter> serializer;
  private final int maxRecordBytes;

  public DeadLetterEncoder(
      DeadLetterFactory factory, Serializer<DeadLetter> serializer, int maxRecordBytes) {
    this.factory = factory;
    this.serializer = serializer;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** A dead letter ready to send: record key, value and headers. */
  public record Encoded(byte[] key, byte[] value, Headers headers, boolean truncated) {}

  /**
   * @param payload the original value (null for a tombstone)
   * @param headers the original record's headers, kept when they fit
   */
  public Encoded encode(
      String topic,
      RecordOrigin origin,
      ErrorKind kind,
      String message,
      byte[] payload,
      Headers headers) {
    String text = cut(message);
    byte[] value = serializer.serialize(topic, factory.create(origin, kind, text, payload));
    Headers whole = DeadLetterHeaders.with(headers, origin, kind, text);
    long wouldBe = RecordLimits.recordBytes(origin.key(), value, whole);
    if (wouldBe <= maxRecordBytes) {
      return new Encoded(origin.key(), value, whole, false);
    }
    int size = payload == null ? 0 : payload.length;
    byte[] prefix =
        payload == null
            ? new byte[0]
            : Arrays.copyOf(payload, Math.min(size, PAYLOAD_PREFIX_BYTES));
    Headers marks =
        DeadLetterHeaders.with(null, origin, kind, text)
            .add(ORIGINAL_BYTES_HEADER, Integer.toString(size).getBytes(StandardCharsets.UTF_8))
            .add(TRUNCATED_HEADER, "true".getBytes(StandardCharsets.UTF_8));
    String note =
        " [dead letter cut to fit "
            + maxRecordBytes
            + " bytes (it would be "
            + wouldBe
            + "): payload holds the first "
            + prefix.length
            + " of the original "
            + size
            + " bytes]";
    value = serializer.serialize(topic, factory.create(origin, kind, text + note, prefix));
    if (RecordLimits.recordBytes(origin.key(), value, marks) <= maxRecordBytes) {
      return new Encoded(origin.key(), value, marks, true);
    }
    int keyBytes = origin.key() == null ? 0 : origin.key().length;
    RecordOrigin keyless =
        new RecordOrigin(
            origin.topic(), origin.partition(), origin.offset(), null, origin.timestampMs());
    value =
        serializer.serialize(
            topic,
            factory.create(
                keyless, kind, text + note + " [key of " + keyBytes + " bytes left out]", prefix));
    return new Encoded(null, value, marks, true);
  }

  private static String cut(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
