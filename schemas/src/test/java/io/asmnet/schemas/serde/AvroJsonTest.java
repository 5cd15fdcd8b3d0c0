package io.asmnet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

  /** Reads with nothing of ours: Avro's generic model, JsonDecoder and the schema alone. */
  private static GenericRecord readWithAvroAlone(String json, Schema schema) throws Exception {
    Schema parsed =
        new Schema.Parser().parse(schema.toString()); // as another program would load the .avsc
    return new GenericDatumReader<GenericRecord>(parsed, parsed, GenericData.get())
        .read(null, DecoderFactory.get().jsonDecoder(parsed, json));
  }

  @Test
  void shouldRoundTripAPoseEventThroughAvrosJsonDecoder() {
    PoseEvent event = Samples.poseEvent();

    String json = AvroJson.toAvroJson(event);

    assertThat(json).doesNotContain("\n");
    assertThat(AvroJson.fromAvroJson(json, PoseEvent.class)).isEqualTo(event);
  }

  @Test
  void shouldRoundTripAFrameAndADeadLetterWithTheirBytesExact() {
    Frame frame = Samples.frame();
    DeadLetter dead = Samples.deadLetter();

    assertThat(AvroJson.fromAvroJson(AvroJson.toAvroJson(frame), Frame.class)).isEqualTo(frame);
    assertThat(AvroJson.fromAvroJson(AvroJson.toAvroJson(dead), DeadLetter.class)).isEqualTo(dead);
  }

  @Test
  void shouldBeReadableByAProgramThatOnlyHasTheSchema() throws Exception {
    Frame frame = Samples.frame();

    GenericRecord read = readWithAvroAlone(AvroJson.toAvroJson(frame), Frame.getClassSchema());

    assertThat(read.get("cameraId").toString()).isEqualTo("lobby-cam-02");
    assertThat(read.get("sequence")).isEqualTo(123_456L);
    assertThat(read.get("codec").toString()).isEqualTo("JPEG");
    assertThat(read.get("payload")).isEqualTo(frame.getPayload());
    assertThat(read.get("clipId").toString()).isEqualTo("300vw-007");
  }

  @Test
  void shouldWriteUnionsAndBytesTheWayTheSpecificationSays() {
    String json = AvroJson.toAvroJson(Samples.deadLetter());

    // Bytes as ISO-8859-1 code points; a union branch named by its type (our plain JSON does
    // neither).
    assertThat(json)
        .contains(
            "\"payload\":\"\u00FF\u00D8\\u0000\\u0010J\"", "\"key\":{\"bytes\":\"lobby-cam-02\"}");
    assertThat(AvroJson.toAvroJson(Samples.frame()))
        .contains("\"clipId\":{\"string\":\"300vw-007\"}");
    assertThat(json).isNotEqualTo(JsonRendering.toJson(Samples.deadLetter()));
  }

  @Test
  void shouldRefuseJsonOfAnotherShape() {
    assertThatThrownBy(
            () -> AvroJson.fromAvroJson(JsonRendering.toJson(Samples.frame()), Frame.class))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldKeepTheRecordsBufferPositions() {
    DeadLetter dead = Samples.deadLetter();
    ByteBuffer payload = dead.getPayload();

    AvroJson.toAvroJson(dead);

    assertThat(payload.remaining()).isEqualTo(5);
  }
}
