package io.asmnet.schemas.serde;

/**
 * The bytes name a writer schema the reader does not know: a single-object fingerprint outside the
 * reader's known schemas, or a registry schema id the registry does not have. The record is
 * unreadable as it stands (a dead letter in the processor), though a reader that learns the schema
 * could read it.
 */
public class UnknownSchemaException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  /** {@code message} names the unknown fingerprint or id and the expected type. */
  public UnknownSchemaException(String message) {
    super(message);
  }
}
