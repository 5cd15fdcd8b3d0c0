package io.asmnet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.asmnet.schemas.avro.PoseEvent;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** Corrupted bodies behind a valid header: decoded or rejected, never another exception. */
class AvroSerdeFuzzTest {

  @Test
  void shouldDecodeOrRejectEverySingleByteCorruption() {
    AvroSerde<PoseEvent> serde = WireSerdes.poseEvent();
    byte[] valid = serde.encode(Samples.poseEvent());
    int rejected = 0;

    for (int i = 10; i < valid.length; i++) {
      for (int mask : new int[] {0x01, 0x40, 0x80, 0xFF}) {
        byte[] bytes = valid.clone();
        bytes[i] ^= (byte) mask;
        Throwable thrown = catchThrowable(() -> serde.decode(bytes));
        assertThat(thrown)
            .as("byte %d ^ %02x", i, mask)
            .satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isExactlyInstanceOf(WireFormatException.class));
        rejected += thrown == null ? 0 : 1;
      }
    }
    assertThat(rejected).as("corruptions of lengths and counts must be caught").isPositive();
  }

  @Test
  void shouldRejectAHugeDeclaredArrayCountWithoutAllocatingIt() {
    byte[] bytes = withHugeFaceCount(WireSerdes.poseEvent().encode(emptyEvent()));

    assertThatThrownBy(() -> WireSerdes.poseEvent().decode(bytes))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("corrupt or truncated");
  }

  @Test
  void shouldRejectAHugeDeclaredArrayCountWhenResolvingAnotherWriterSchema() throws Exception {
    Schema newer = newerPoseEventSchema();
    GenericRecord record = new GenericData.Record(newer);
    PoseEvent event = emptyEvent();
    for (Schema.Field f : PoseEvent.getClassSchema().getFields()) {
      record.put(f.name(), GenericData.get().deepCopy(f.schema(), event.get(f.pos())));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(record, out);
    // The newer schema ends in faces, clipId, extra: cut "extra" (1 byte) to reuse the trick.
    byte[] written = Arrays.copyOf(out.toByteArray(), out.size() - 1);
    byte[] bytes = withHugeFaceCount(written);

    assertThatThrownBy(() -> WireSerdes.poseEvent().withKnownSchemas(newer).decode(bytes))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("corrupt or truncated");
  }

  private static PoseEvent emptyEvent() {
    PoseEvent event = Samples.poseEvent();
    event.setFaces(new ArrayList<>());
    return event;
  }

  /** The record ends in faces count 0 and clipId branch 0: declare 2^30 faces, with no data. */
  private static byte[] withHugeFaceCount(byte[] valid) {
    assertThat(valid[valid.length - 2]).isZero();
    assertThat(valid[valid.length - 1]).isZero();
    byte[] bytes = Arrays.copyOf(valid, valid.length - 2 + 5);
    byte[] varint = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
    System.arraycopy(varint, 0, bytes, valid.length - 2, varint.length);
    return bytes;
  }

  private static Schema newerPoseEventSchema() {
    var fields = new ArrayList<Schema.Field>();
    for (Schema.Field f : PoseEvent.getClassSchema().getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(
        new Schema.Field(
            "extra",
            Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.INT)),
            null,
            Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord("PoseEvent", null, "io.asmnet.schemas.avro", false, fields);
  }
}
