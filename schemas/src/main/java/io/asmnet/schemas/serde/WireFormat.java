package io.asmnet.schemas.serde;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;

/**
 * How the values of our topics are framed, one choice for all three: Avro single-object encoding
 * ({@link #singleObject}, the default: {@code C3 01}, 8-byte fingerprint, body; no registry needed)
 * or Confluent Schema Registry framing against an Apicurio Registry ({@link #registry}: {@code 00},
 * 4-byte schema id, body; what Kafka Connect's AvroConverter, ksqlDB and
 * kafka-avro-console-consumer read). Reading the wrong framing fails with a {@link
 * WireFormatException} whose message names the framing the bytes have. Thread-safe; {@link #close}
 * releases registry clients (a no-op for single-object).
 */
public interface WireFormat extends AutoCloseable {

  /** Values of the frames topic. */
  Serde<Frame> frames();

  /** Values of the pose events topic. */
  Serde<PoseEvent> poseEvents();

  /** Values of the dead-letter topic. */
  Serde<DeadLetter> deadLetters();

  /** For logs and messages: {@code single-object} or {@code registry at URL}. */
  String description();

  @Override
  void close();

  /** Single-object encoding reading only the compiled schemas. */
  static WireFormat singleObject() {
    return singleObject(List.of());
  }

  /**
   * Single-object encoding that also reads records written with these other versions of our schemas
   * (each one a version of {@code Frame}, {@code PoseEvent} or {@code DeadLetter}, by its full
   * name).
   *
   * @throws IllegalArgumentException a schema of another name, or one that cannot be read as the
   *     compiled schema of its name
   */
  static WireFormat singleObject(List<Schema> extraWriterSchemas) {
    return SingleObjectFormat.of(extraWriterSchemas);
  }

  /** Confluent framing against the registry of {@code settings}. */
  static WireFormat registry(RegistrySettings settings) {
    return new RegistryFormat(settings);
  }
}
