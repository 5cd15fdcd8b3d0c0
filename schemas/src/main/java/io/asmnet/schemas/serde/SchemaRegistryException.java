package io.asmnet.schemas.serde;

/**
 * The schema registry could not be used: unreachable, answering with an error, or refusing to
 * register a schema. Not the record's fault, so deliberately not a Kafka {@code
 * SerializationException} (which clients and Kafka Streams treat as a poison record): the processor
 * lets it fail the stream task, so the record's offset stays uncommitted and the record is
 * processed again once the registry answers, instead of dead-lettering every record while the
 * registry is down.
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
