package io.asmnet.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The one failure of the wire formats: bytes that are not a record of the expected type in Avro
 * single-object encoding (null, empty, wrong magic marker, unknown schema fingerprint, truncated or
 * corrupt body, trailing bytes), a record that cannot be encoded, or JSON that does not match a
 * schema. The message names the problem and the expected type, for a dead letter or a person; the
 * cause, when there is one, is the low-level error.
 *
 * <p>It extends Kafka's {@link SerializationException}, so Kafka clients and Kafka Streams'
 * deserialization exception handlers treat it as a poison record, not a crash of the client.
 */
public class WireFormatException extends SerializationException {
  private static final long serialVersionUID = 1L;

  /** A failure with no underlying exception (a check of ours failed). */
  public WireFormatException(String message) {
    super(message);
  }

  /** A failure caused by {@code cause} (an Avro, I/O or JSON error). */
  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
