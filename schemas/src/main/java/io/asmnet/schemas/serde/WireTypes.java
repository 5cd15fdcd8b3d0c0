package io.asmnet.schemas.serde;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The fingerprints of our own wire types, so that an error about an unknown fingerprint can say
 * "these bytes are a Frame" when a Frame reaches the PoseEvent deserializer (a wrong topic or serde
 * is the usual cause). Immutable.
 */
final class WireTypes {
  private static final Map<Long, String> NAMES =
      Stream.of(Frame.getClassSchema(), PoseEvent.getClassSchema(), DeadLetter.getClassSchema())
          .collect(Collectors.toUnmodifiableMap(WireTypes::fingerprint, Schema::getFullName));

  private WireTypes() {}

  /** The Avro CRC-64-AVRO fingerprint of the schema's parsing canonical form, as on the wire. */
  static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /** The full name of our wire type with this fingerprint, if it is one of ours. */
  static Optional<String> nameOf(long fingerprint) {
    return Optional.ofNullable(NAMES.get(fingerprint));
  }

  /** A fingerprint as people and logs see it: 16 hex digits. */
  static String hex(long fingerprint) {
    return String.format("0x%016x", fingerprint);
  }
}
