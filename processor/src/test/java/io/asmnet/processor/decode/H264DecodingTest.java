package io.asmnet.processor.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H264DecodingTest {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final int FRAMES = 30;
  private static final int GOP = 10;

  @TempDir static Path dir;
  static List<ClipUnit> units;

  @BeforeAll
  static void writeClip() throws Exception {
    Path clip =
        SyntheticClips.movingPattern(
            dir.resolve("pattern.h264"), "h264", WIDTH, HEIGHT, FRAMES, GOP);
    units = SyntheticClips.units(clip);
  }

  @Test
  void shouldDecodeEveryAccessUnitToOneFrameInOrder() throws Exception {
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      for (int i = 0; i < FRAMES; i++) {
        try (DecodedFrame frame = decoder.decode(frame("cam", i))) {
          assertThat(frame.width()).isEqualTo(WIDTH);
          assertThat(frame.height()).isEqualTo(HEIGHT);
          // Closer to its own source picture than to one a few frames later: right order.
          assertThat(difference(frame.bgr(), i))
              .isLessThan(8.0)
              .isLessThan(difference(frame.bgr(), i + 3));
        }
      }
    }
  }

  @Test
  void shouldWaitForNextKeyframeWhenStreamStartsMidGop() throws Exception {
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      for (int i = 3; i < GOP; i++) {
        Frame midGop = frame("late", i);
        assertThatThrownBy(() -> decoder.decode(midGop))
            .isInstanceOfSatisfying(
                DecodeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.DECODE_FAILED))
            .hasMessageContaining("waiting for a keyframe");
      }
      for (int i = GOP; i < 2 * GOP; i++) {
        try (DecodedFrame frame = decoder.decode(frame("late", i))) {
          assertThat(difference(frame.bgr(), i)).isLessThan(8.0);
        }
      }
    }
  }

  @Test
  void shouldFreeCameraStateOnReleaseAndWaitForKeyframeAgain() throws Exception {
    CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults());
    decoder.decode(frame("a", 0)).close();
    decoder.decode(frame("b", 0)).close();
    assertThat(decoder.activeCameras()).isEqualTo(2);

    decoder.release("a");

    assertThat(decoder.activeCameras()).isEqualTo(1);
    assertThatThrownBy(() -> decoder.decode(frame("a", 1)))
        .hasMessageContaining("waiting for a keyframe");
    decoder.decode(frame("b", 1)).close(); // the other camera keeps its state

    decoder.close();

    assertThat(decoder.activeCameras()).isZero();
    assertThatThrownBy(() -> decoder.decode(frame("b", 2)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldGiveACameraItsOwnDecoderThatItsOwnerFrees() throws Exception {
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      CameraDecoder a = decoder.camera("a");
      CameraDecoder b = decoder.camera("b");
      a.decode(frame("a", 0)).close();
      b.decode(frame("b", 0)).close();
      assertThat(decoder.activeCameras())
          .as("held by their owners, not by the task's decoder")
          .isZero();
      assertThatThrownBy(() -> decoder.decode(frame("a", 1)))
          .hasMessageContaining("waiting for a keyframe");

      a.close();

      assertThatThrownBy(() -> a.decode(frame("a", 1)))
          .hasMessageContaining("waiting for a keyframe");
      try (DecodedFrame next = b.decode(frame("b", 1))) { // the other camera keeps its state
        assertThat(next.width()).isEqualTo(WIDTH);
      }
      b.close();
    }
  }

  @Test
  void shouldResetCameraAfterUndecodableAccessUnit() throws Exception {
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      decoder.decode(frame("cam", 0)).close();
      byte[] noise =
          new java.util.Random(7)
              .ints(2000, 1, 256)
              .collect(java.io.ByteArrayOutputStream::new, (out, b) -> out.write(b), (x, y) -> {})
              .toByteArray();
      Frame garbage = frame("cam", 1, noise, false, WIDTH, HEIGHT);

      assertThatThrownBy(() -> decoder.decode(garbage))
          .isInstanceOfSatisfying(
              DecodeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.DECODE_FAILED));
      assertThat(decoder.activeCameras()).isZero();
      assertThatThrownBy(() -> decoder.decode(frame("cam", 2)))
          .hasMessageContaining("waiting for a keyframe");
    }
  }

  @Test
  void shouldRejectOversizedOrSizelessH264BeforeDecoding() {
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      Frame huge = frame("cam", 0, units.get(0).data(), true, 20_000, 20_000);
      Frame sizeless = frame("cam", 0, units.get(0).data(), true, null, null);

      assertThatThrownBy(() -> decoder.decode(huge))
          .isInstanceOfSatisfying(
              DecodeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERSIZED));
      assertThatThrownBy(() -> decoder.decode(sizeless))
          .isInstanceOfSatisfying(
              DecodeException.class,
              e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT_PAYLOAD));
      assertThat(decoder.activeCameras()).isZero();
    }
  }

  private static Frame frame(String camera, int i) {
    ClipUnit unit = units.get(i);
    return frame(camera, i, unit.data(), unit.keyframe(), unit.width(), unit.height());
  }

  static Frame frame(
      String camera, long sequence, byte[] payload, boolean key, Integer width, Integer height) {
    return Frame.newBuilder()
        .setCameraId(camera)
        .setSequence(sequence)
        .setCaptureTimeMs(1_000L + sequence * 40)
        .setCodec(Codec.H264)
        .setWidth(width)
        .setHeight(height)
        .setKeyframe(key)
        .setPayload(ByteBuffer.wrap(payload))
        .build();
  }

  /** Mean absolute difference per channel value between a decoded picture and source picture i. */
  private static double difference(Mat decoded, int i) {
    try (Mat source = SyntheticClips.pattern(WIDTH, HEIGHT, i);
        Mat diff = new Mat()) {
      absdiff(decoded, source, diff);
      Scalar m = mean(diff);
      return (m.get(0) + m.get(1) + m.get(2)) / 3;
    }
  }
}
