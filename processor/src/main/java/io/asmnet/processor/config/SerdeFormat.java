package io.asmnet.processor.config;

/** {@code serde.format}: how the values of the processor's topics are framed. */
public enum SerdeFormat {
  /** Avro single-object encoding ({@code C3 01}, 8-byte schema fingerprint, body): no registry. */
  SINGLE_OBJECT("single-object"),
  /**
   * Confluent Schema Registry framing ({@code 00}, 4-byte schema id, body) against {@code
   * schema.registry.url}.
   */
  REGISTRY("registry");

  private final String key;

  SerdeFormat(String key) {
    this.key = key;
  }

  /** The setting's value. */
  public String key() {
    return key;
  }
}
