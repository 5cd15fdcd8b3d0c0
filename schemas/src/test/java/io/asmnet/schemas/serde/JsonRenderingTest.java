package io.asmnet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class JsonRenderingTest {

  @Test
  void shouldRoundTripPoseEventThroughJson() {
    PoseEvent event = Samples.poseEvent();

    String json = JsonRendering.toJson(event);
    PoseEvent back = JsonRendering.fromJson(json, PoseEvent.class);

    assertThat(back).isEqualTo(event);
    assertThat(json).doesNotContain("\n").startsWith("{\"cameraId\":\"lobby-cam-02\"");
  }

  @Test
  void shouldKeepFloatBitsExactThroughJson() {
    Face face = Samples.face(1f / 3f, 1e-7f, 1e30f, FaceSource.TRACKED, 9);
    face.setYaw(Float.NaN);
    face.setPitch(Float.NEGATIVE_INFINITY);
    face.setRoll(Float.MIN_VALUE);
    PoseEvent event = Samples.poseEvent();
    event.setFaces(List.of(face));

    PoseEvent back = JsonRendering.fromJson(JsonRendering.toJson(event), PoseEvent.class);

    Face read = back.getFaces().get(0);
    assertThat(read.getLandmarks()).isEqualTo(face.getLandmarks());
    assertThat(read.getYaw()).isNaN();
    assertThat(read.getPitch()).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(read.getRoll()).isEqualTo(Float.MIN_VALUE);
    assertThat(read.getBox()).isEqualTo(face.getBox());
  }

  @Test
  void shouldRenderFrameForPeopleOnOneShortLine() {
    String json = JsonRendering.toDisplayJson(Samples.frame());

    assertThat(json)
        .doesNotContain("\n")
        .hasSizeLessThan(400)
        .contains(
            "\"cameraId\":\"lobby-cam-02\"",
            "\"codec\":\"JPEG\"",
            "\"width\":640",
            "\"keyframe\":true",
            "\"clipId\":\"300vw-007\"")
        .containsPattern("\"payload\":\"<48213 bytes hex ffd8[0-9a-f]{12}\\.\\.\\.>\"");
  }

  @Test
  void shouldShowShortTextBytesAsTextAndBinaryAsHex() {
    String json = JsonRendering.toDisplayJson(Samples.deadLetter());

    assertThat(json)
        .contains(
            "\"key\":\"<12 bytes text 'lobby-cam-02'>\"",
            "\"payload\":\"<5 bytes hex ffd800104a>\"");
    assertThat(JsonRendering.describe(new byte[0])).isEqualTo("<0 bytes>");
  }

  @Test
  void shouldRoundTripFramePayloadAsBase64OnOneLine() {
    Frame frame = Samples.frame();

    String json = JsonRendering.toJson(frame);

    assertThat(json.lines().count()).isEqualTo(1);
    assertThat(json.indexOf("\"payload\":\"/9g")).as("payload as base64 of FF D8 ...").isPositive();
    assertThat(JsonRendering.fromJson(json, Frame.class)).isEqualTo(frame);
  }

  @Test
  void shouldRoundTripDeadLetterWithItsNullableKey() {
    DeadLetter letter = Samples.deadLetter();
    letter.setKey(null);

    String json = JsonRendering.toJson(letter);

    assertThat(json).contains("\"key\":null", "\"errorKind\":\"CORRUPT_PAYLOAD\"");
    assertThat(JsonRendering.fromJson(json, DeadLetter.class)).isEqualTo(letter);
  }

  @Test
  void shouldFillDefaultsForAbsentOptionalFields() {
    String json =
        "{\"cameraId\":\"cam\",\"sequence\":0,\"captureTimeMs\":5,\"codec\":\"PNG\","
            + "\"payload\":\"iVBORw==\"}";

    Frame frame = JsonRendering.fromJson(json, Frame.class);

    assertThat(frame.getCodec()).isEqualTo(Codec.PNG);
    assertThat(frame.getWidth()).isNull();
    assertThat(frame.getKeyframe()).isTrue();
    assertThat(frame.getPayload().remaining()).isEqualTo(4);
  }

  @Test
  void shouldReadIntoAGenericRecordOfASchema() {
    GenericRecord record =
        JsonRendering.fromJson(
            JsonRendering.toJson(Samples.poseEvent()), PoseEvent.getClassSchema());

    assertThat(record.get("modelName").toString()).isEqualTo("asmnet-mobilenetv2");
    assertThat((List<?>) record.get("faces")).hasSize(2);
  }

  @Test
  void shouldNameThePathOfAWrongValue() {
    String json =
        JsonRendering.toJson(Samples.poseEvent())
            .replaceFirst("\"landmarks\":\\[\\{\"x\":[^,]+,", "\"landmarks\":[{\"x\":\"left\",");

    assertThatThrownBy(() -> JsonRendering.fromJson(json, PoseEvent.class))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("at $.faces[0].landmarks[0].x: expected a number, got \"left\"");
  }

  @Test
  void shouldRejectMissingRequiredUnknownAndMistypedFields() {
    assertThatThrownBy(() -> JsonRendering.fromJson("{\"cameraId\":\"c\"}", Frame.class))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("$.sequence: missing field");
    String typo = JsonRendering.toJson(Samples.deadLetter()).replace("\"offset\"", "\"ofset\"");
    assertThatThrownBy(() -> JsonRendering.fromJson(typo, DeadLetter.class))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("missing field");
    String extra = JsonRendering.toJson(Samples.deadLetter()).replace("{", "{\"colour\":1,");
    assertThatThrownBy(() -> JsonRendering.fromJson(extra, DeadLetter.class))
        .hasMessageContaining("unknown field(s) [colour]");
    String badEnum = JsonRendering.toJson(Samples.frame()).replace("\"JPEG\"", "\"GIF\"");
    assertThatThrownBy(() -> JsonRendering.fromJson(badEnum, Frame.class))
        .hasMessageContaining("\"GIF\" is not one of [JPEG, PNG, H264]");
  }

  @Test
  void shouldRefuseToParseDisplayJsonOrNonJson() {
    String display = JsonRendering.toDisplayJson(Samples.frame());

    assertThatThrownBy(() -> JsonRendering.fromJson(display, Frame.class))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("$.payload: not base64");
    assertThatThrownBy(() -> JsonRendering.fromJson("{\"cameraId\":", Frame.class))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> JsonRendering.fromJson("", Frame.class))
        .isExactlyInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldRenderAnEventWithoutFaces() {
    PoseEvent event = Samples.poseEvent();
    event.setFaces(new ArrayList<>());

    String json = JsonRendering.toDisplayJson(event);

    assertThat(json).contains("\"faces\":[]", "\"clipId\":null");
    assertThat(JsonRendering.fromJson(json, PoseEvent.class)).isEqualTo(event);
  }

  @Test
  void shouldRoundTripMapsFixedAndWideUnionsOfAGenericSchema() {
    Schema schema =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"T\",\"fields\":["
                    + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"int\"}},"
                    + "{\"name\":\"u\",\"type\":[\"null\",\"int\",\"string\"]},"
                    + "{\"name\":\"f\",\"type\":{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}}]}");
    GenericRecord record = new GenericData.Record(schema);
    record.put("m", Map.of("a", 1));
    record.put("u", 7);
    record.put("f", new GenericData.Fixed(schema.getField("f").schema(), new byte[] {1, 2}));

    String json = JsonRendering.toJson(record);
    GenericRecord back = JsonRendering.fromJson(json, schema);

    assertThat(json).isEqualTo("{\"m\":{\"a\":1},\"u\":{\"int\":7},\"f\":\"AQI=\"}");
    assertThat(back.get("u")).isEqualTo(7);
    assertThat(back.get("f")).isEqualTo(record.get("f"));
    assertThat(((Map<?, ?>) back.get("m")).get("a")).isEqualTo(1);
    assertThatThrownBy(() -> JsonRendering.fromJson(json.replace("\"int\"", "\"long\""), schema))
        .isExactlyInstanceOf(WireFormatException.class)
        .hasMessageContaining("$.u: unknown union branch \"long\"");
  }
}
