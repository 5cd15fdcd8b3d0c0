package io.asmnet.processor.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.infer.FaceLandmarks;
import io.asmnet.processor.infer.LandmarkResults;
import io.asmnet.processor.track.LocatedFaces;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseEventAssemblerTest {
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC);
  private final PoseEventAssembler assembler = new PoseEventAssembler("asmnet", "1.2", clock);
  private final Frame frame =
      Frame.newBuilder()
          .setCameraId("cam")
          .setSequence(7)
          .setCaptureTimeMs(4_000)
          .setCodec(Codec.JPEG)
          .setPayload(ByteBuffer.allocate(0))
          .setClipId("clip-1")
          .build();

  @Test
  void shouldCarryFrameFacesAndTimings() {
    float[] points = new float[136];
    for (int i = 0; i < points.length; i++) {
      points[i] = i;
    }
    // A face of extent 30 at (20, 30): its region is 39 px square, centred 3.6 px above.
    LocatedFaces located =
        new LocatedFaces(List.of(new FaceRoi(20, 30, 30, 0, 0.8f, 0)), FaceSource.TRACKED, 0, 15);
    LandmarkResults results =
        new LandmarkResults(List.of(new FaceLandmarks(points, 10, -5, 3)), 120, 900, 4);

    PoseEvent e =
        assembler.assemble(frame, 640, 480, located, results, new FrameTimings(300, 2_000));

    assertThat(e.getCameraId()).isEqualTo("cam");
    assertThat(e.getSequence()).isEqualTo(7);
    assertThat(e.getCaptureTimeMs()).isEqualTo(4_000);
    assertThat(e.getProcessedTimeMs()).isEqualTo(5_000);
    assertThat(e.getFrameWidth()).isEqualTo(640);
    assertThat(e.getModelVersion()).isEqualTo("1.2");
    assertThat(e.getClipId()).isEqualTo("clip-1");
    assertThat(e.getTimings().getDecodeMicros()).isEqualTo(300);
    assertThat(e.getTimings().getTrackMicros()).isEqualTo(15);
    assertThat(e.getTimings().getInferQueueMicros()).isEqualTo(120);
    assertThat(e.getTimings().getInferMicros()).isEqualTo(900);
    assertThat(e.getTimings().getTotalMicros()).isEqualTo(2_000);
    var face = e.getFaces().get(0);
    assertThat(face.getSource()).isEqualTo(FaceSource.TRACKED);
    assertThat(face.getBox().getW()).isCloseTo(39f, within(1e-4f));
    assertThat(face.getBox().getH()).isCloseTo(39f, within(1e-4f));
    assertThat(face.getBox().getX()).isCloseTo(20 - 19.5f, within(1e-4f));
    assertThat(face.getBox().getY()).isCloseTo(30 - 3.6f - 19.5f, within(1e-4f));
    assertThat(face.getScore()).isEqualTo(0.8f);
    assertThat(face.getLandmarks()).hasSize(68);
    assertThat(face.getLandmarks().get(67).getX()).isEqualTo(134);
    assertThat(face.getLandmarks().get(67).getY()).isEqualTo(135);
    assertThat(face.getYaw()).isEqualTo(10);
    assertThat(face.getPitch()).isEqualTo(-5);
  }

  @Test
  void shouldEmitAnEmptyFaceListForAFrameWithoutFaces() {
    PoseEvent e =
        assembler.assemble(
            frame,
            64,
            48,
            new LocatedFaces(List.of(), FaceSource.DETECTED, 50, 0),
            new LandmarkResults(List.of(), 0, 0, 0),
            new FrameTimings(1, 2));

    assertThat(e.getFaces()).isEmpty();
    assertThat(e.getTimings().getDetectMicros()).isEqualTo(50);
  }

  @Test
  void shouldRefuseResultsThatDoNotMatchTheFaces() {
    LocatedFaces located =
        new LocatedFaces(List.of(FaceRoi.detected(1, 2, 3, 0, 1)), FaceSource.DETECTED, 0, 0);

    assertThatThrownBy(
            () ->
                assembler.assemble(
                    frame,
                    1,
                    1,
                    located,
                    new LandmarkResults(List.of(), 0, 0, 0),
                    new FrameTimings(0, 0)))
        .hasMessageContaining("1 faces located but 0 landmark results");
  }
}
