/**
 * The wire formats of asmnet-streams: the Avro schemas in {@code src/main/avro} are the single
 * source of truth; {@code io.asmnet.schemas.avro} is generated from them at build time, and {@code
 * io.asmnet.schemas.serde} holds the Kafka serdes and the JSON rendering.
 *
 * <h2>Topics</h2>
 *
 * <ul>
 *   <li>Frames: key the camera id (UTF-8 string), value a {@code Frame}. One camera's frames are on
 *       one partition, in sequence order.
 *   <li>Pose events: key the camera id (UTF-8), value a {@code PoseEvent}; exactly one per
 *       processed frame, with an empty face list when no face is found.
 *   <li>Dead letters: key the original record's key bytes, value a {@code DeadLetter} holding the
 *       original value byte for byte and the reason.
 * </ul>
 *
 * <h2>Encoding of every value</h2>
 *
 * By default Avro single-object encoding: the marker {@code C3 01}, the 8-byte little-endian
 * CRC-64-AVRO fingerprint of the writer schema's parsing canonical form, then the Avro binary body.
 * Or, chosen for all topics at once ({@link io.asmnet.schemas.serde.WireFormat}), Confluent Schema
 * Registry framing: {@code 00}, the 4-byte big-endian schema id of an Apicurio Registry, then the
 * body. No compression of our own: use the producer's {@code compression.type}. Values are never
 * null on our topics. Use {@link io.asmnet.schemas.serde.WireSerdes} or {@link
 * io.asmnet.schemas.serde.WireFormat}: the generated {@code Frame.fromByteBuffer} and friends fail
 * on Avro 1.12 with {@code SecurityException: Forbidden io.asmnet.schemas.avro.Frame} unless the
 * JVM sets {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.asmnet.schemas.avro}.
 *
 * <h2>Evolution rules</h2>
 *
 * <ul>
 *   <li>Only add fields that have a default (an optional field is {@code ["null", T]} with default
 *       null); only remove fields that have a default. Never rename a field or change its type; add
 *       enum symbols only to enums with a default symbol (all ours have one).
 *   <li>A reader decodes a writer schema it knows by fingerprint (its compiled schema and those
 *       registered with {@link io.asmnet.schemas.serde.AvroSerde#withKnownSchemas}); any other
 *       fingerprint is rejected with a {@link io.asmnet.schemas.serde.WireFormatException} that
 *       names it (the processor dead-letters such a record). So release the readers that know a new
 *       schema before any writer emits it.
 *   <li>Units are part of the contract and live in each field's {@code doc}: times in ms since the
 *       Unix epoch UTC, stage timings in microseconds, coordinates in frame pixels (origin
 *       top-left), angles in degrees.
 * </ul>
 *
 * <h2>JSON</h2>
 *
 * {@link io.asmnet.schemas.serde.JsonRendering} renders any record as one line of plain JSON for
 * people and command lines, and parses it back; see there for how bytes are shown.
 */
package io.asmnet.schemas;
