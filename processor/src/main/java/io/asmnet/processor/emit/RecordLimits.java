package io.asmnet.processor.emit;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The one rule that sizes the processor's Kafka records from {@code decode.max.payload.bytes}: the
 * largest frame payload accepted, plus an envelope for everything around it (the Frame's own
 * fields, a dead letter's fields and message, key, headers, Kafka's record framing). The producer's
 * {@code max.request.size}, the consumer's fetch sizes and the topics' {@code max.message.bytes}
 * all derive from {@link #maxRecordBytes(int)}, so a frame that passes the payload check also fits,
 * whole, into its dead letter.
 */
public final class RecordLimits {
  /** Room around the payload: Avro fields, message, key, headers and framing, bytes. */
  public static final int ENVELOPE_BYTES = 64 * 1024;

  /**
   * What Kafka adds to key, value and headers: a v2 batch header (61 bytes) and the record's varint
   * lengths, attributes and deltas (at most ~21 bytes, plus ~10 per header); rounded up.
   */
  public static final int FRAMING_BYTES = 256;

  private RecordLimits() {}

  /**
   * Largest record the processor reads or writes, bytes: for the producer's {@code
   * max.request.size}, the consumer's {@code max.partition.fetch.bytes} and a topic's {@code
   * max.message.bytes}.
   *
   * @param maxPayloadBytes {@code decode.max.payload.bytes}
   */
  public static int maxRecordBytes(int maxPayloadBytes) {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
    }
    return (int) Math.min(Integer.MAX_VALUE, (long) maxPayloadBytes + ENVELOPE_BYTES);
  }

  /** Upper bound of the bytes a record of this key, value and headers takes on the wire. */
  public static long recordBytes(byte[] key, byte[] value, Headers headers) {
    long size = FRAMING_BYTES + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    if (headers != null) {
      for (Header h : headers) {
        size +=
            h.key().getBytes(StandardCharsets.UTF_8).length
                + (h.value() == null ? 0 : h.value().length)
                + 10;
      }
    }
    return size;
  }
}
