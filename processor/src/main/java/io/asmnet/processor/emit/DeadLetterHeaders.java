package io.asmnet.processor.emit;

import io.asmnet.schemas.avro.ErrorKind;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record headers every dead letter carries besides its Avro value, so that tools that read
 * headers (kcat {@code %h}, Kafka UI, Connect's and Streams' dead-letter conventions) see why and
 * where from without the schema. All values are UTF-8 text: {@link #ERROR_KIND} the {@code
 * ErrorKind} symbol, {@link #ERROR_MESSAGE} the message cut to {@link #MAX_MESSAGE_CHARS}
 * characters (the full text is in the value), {@link #TOPIC}, {@link #PARTITION} and {@link
 * #OFFSET} the source record's coordinates (decimal; -1 where unknown). Stateless.
 */
public final class DeadLetterHeaders {
  /**
   * Prefix of every header this class writes; headers of the original record with it are replaced.
   */
  public static final String PREFIX = "asmnet.dlq.";

  public static final String ERROR_KIND = PREFIX + "error.kind";
  public static final String ERROR_MESSAGE = PREFIX + "error.message";
  public static final String TOPIC = PREFIX + "topic";
  public static final String PARTITION = PREFIX + "partition";
  public static final String OFFSET = PREFIX + "offset";

  /** Headers stay small: a person reading them needs the start of the message. */
  public static final int MAX_MESSAGE_CHARS = 256;

  private DeadLetterHeaders() {}

  /**
   * A new header set: {@code original}'s headers (none when null) without any earlier {@link
   * #PREFIX} headers (a dead letter that is processed again), then this dead letter's.
   */
  public static Headers with(
      Headers original, RecordOrigin origin, ErrorKind kind, String message) {
    RecordHeaders headers = new RecordHeaders();
    if (original != null) {
      for (Header h : original) {
        if (!h.key().startsWith(PREFIX)) {
          headers.add(h.key(), h.value());
        }
      }
    }
    return headers
        .add(ERROR_KIND, utf8(kind.name()))
        .add(ERROR_MESSAGE, utf8(cut(message == null ? "" : message)))
        .add(TOPIC, utf8(origin.topic()))
        .add(PARTITION, utf8(Integer.toString(origin.partition())))
        .add(OFFSET, utf8(Long.toString(origin.offset())));
  }

  private static String cut(String message) {
    if (message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    int end = MAX_MESSAGE_CHARS;
    if (Character.isHighSurrogate(message.charAt(end - 1))) {
      end--; // never split a surrogate pair into invalid UTF-8
    }
    return message.substring(0, end) + "...";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
