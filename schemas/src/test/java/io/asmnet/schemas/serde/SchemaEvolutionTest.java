package io.asmnet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * Other versions of a schema are built here from the compiled one: a "newer" PoseEvent with an
 * added optional field, an "older" Frame without its optional clipId.
 */
class SchemaEvolutionTest {

  @Test
  void shouldReadARecordFromANewerWriterThatAddedAnOptionalField() throws Exception {
    Schema newer = withExtraField(PoseEvent.getClassSchema(), "gazeConfidence");
    PoseEvent event = Samples.poseEvent();
    GenericRecord written = toGeneric(event, newer);
    written.put("gazeConfidence", 0.75f);
    byte[] bytes =
        bytesOf(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(written));

    PoseEvent read = WireSerdes.poseEvent().withKnownSchemas(newer).deserialize("poses", bytes);

    assertThat(read).isEqualTo(event);
  }

  @Test
  void shouldLetANewerReaderReadARecordOfTheCurrentSchemaWithTheDefault() throws Exception {
    Schema newer = withExtraField(PoseEvent.getClassSchema(), "gazeConfidence");
    byte[] current = WireSerdes.poseEvent().encode(Samples.poseEvent());
    BinaryMessageDecoder<GenericRecord> newerReader =
        new BinaryMessageDecoder<>(GenericData.get(), newer);
    newerReader.addSchema(PoseEvent.getClassSchema());

    GenericRecord read = newerReader.decode(current);

    assertThat(read.get("gazeConfidence")).isNull();
    assertThat(read.get("modelVersion").toString()).isEqualTo("2026.11.25-3f2a9c1");
    assertThat((List<?>) read.get("faces")).hasSize(2);
  }

  @Test
  void shouldReadARecordFromAnOlderWriterWithoutAnOptionalFieldUsingItsDefault() throws Exception {
    Schema older = withoutField(Frame.getClassSchema(), "clipId");
    Frame frame = Samples.frame();
    GenericRecord written = toGeneric(frame, older);
    byte[] bytes =
        bytesOf(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(written));

    Frame read = WireSerdes.frame().withKnownSchemas(older).deserialize("frames", bytes);

    assertThat(read.getClipId()).isNull();
    assertThat(read.getPayload()).isEqualTo(frame.getPayload());
    assertThat(read.getSequence()).isEqualTo(frame.getSequence());
  }

  @Test
  void shouldNameTheUnknownFingerprintOfAnUnregisteredNewerSchema() throws Exception {
    Schema newer = withExtraField(PoseEvent.getClassSchema(), "gazeConfidence");
    GenericRecord written = toGeneric(Samples.poseEvent(), newer);
    byte[] bytes =
        bytesOf(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(written));

    assertThatThrownBy(() -> WireSerdes.poseEvent().deserialize("poses", bytes))
        .isExactlyInstanceOf(UnknownSchemaException.class)
        .hasMessageContaining(
            "unknown schema fingerprint " + WireTypes.hex(WireTypes.fingerprint(newer)))
        .hasMessageContaining("withKnownSchemas")
        .hasMessageContaining("serde.extra.schemas.dir");
  }

  @Test
  void shouldRefuseToRegisterAWriterSchemaThatCannotBeResolved() {
    // An older writer lacking cameraId, which has no default: the reader could not fill it.
    Schema incompatible = withoutField(PoseEvent.getClassSchema(), "cameraId");

    assertThatThrownBy(() -> WireSerdes.poseEvent().withKnownSchemas(incompatible))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cameraId");
  }

  @Test
  void shouldLeaveTheOriginalSerdeUnchangedWhenRegistering() {
    Schema older = withoutField(Frame.getClassSchema(), "clipId");
    AvroSerde<Frame> original = WireSerdes.frame();

    AvroSerde<Frame> extended = original.withKnownSchemas(older);

    assertThat(extended.toString()).contains(WireTypes.hex(WireTypes.fingerprint(older)));
    assertThat(original.toString()).doesNotContain(WireTypes.hex(WireTypes.fingerprint(older)));
  }

  private static Schema withExtraField(Schema schema, String name) {
    List<Schema.Field> fields = copyFields(schema);
    Schema optionalFloat =
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.FLOAT));
    fields.add(
        new Schema.Field(
            name, optionalFloat, "Added in a later version.", Schema.Field.NULL_DEFAULT_VALUE));
    return recordLike(schema, fields);
  }

  private static Schema withoutField(Schema schema, String name) {
    List<Schema.Field> fields = copyFields(schema);
    fields.removeIf(f -> f.name().equals(name));
    return recordLike(schema, fields);
  }

  private static List<Schema.Field> copyFields(Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    return fields;
  }

  private static Schema recordLike(Schema schema, List<Schema.Field> fields) {
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  /** The record's fields as a generic record of {@code schema} (missing fields stay null). */
  private static GenericRecord toGeneric(
      org.apache.avro.specific.SpecificRecord record, Schema schema) {
    GenericRecord copy = (GenericRecord) GenericData.get().deepCopy(record.getSchema(), record);
    GenericRecord result = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      if (record.getSchema().getField(f.name()) != null) {
        result.put(f.name(), copy.get(f.name()));
      }
    }
    return result;
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
