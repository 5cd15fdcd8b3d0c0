package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.ErrorKind;

/** A frame that cannot be decoded; {@link #kind()} is what its dead letter will say. */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final ErrorKind kind;

  public DecodeException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public DecodeException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }
}
