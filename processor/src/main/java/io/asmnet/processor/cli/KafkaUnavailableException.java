package io.asmnet.processor.cli;

/** Kafka could not be reached or did not answer at start. */
public final class KafkaUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
