package io.asmnet.processor.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StillDecodingTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 200;

  private final CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults());

  @AfterEach
  void close() {
    decoder.close();
  }

  @Test
  void shouldRoundTripJpeg() throws Exception {
    try (Mat source = SyntheticClips.pattern(WIDTH, HEIGHT, 5);
        DecodedFrame frame = decoder.decode(still(Codec.JPEG, encode(source, ".jpg")))) {
      assertThat(frame.width()).isEqualTo(WIDTH);
      assertThat(frame.height()).isEqualTo(HEIGHT);
      assertThat(frame.bgr().channels()).isEqualTo(3);
      assertThat(difference(frame.bgr(), source)).isLessThan(4.0); // lossy, but close
    }
  }

  @Test
  void shouldRoundTripPngExactly() throws Exception {
    try (Mat source = SyntheticClips.pattern(WIDTH, HEIGHT, 9);
        DecodedFrame frame = decoder.decode(still(Codec.PNG, encode(source, ".png")))) {
      assertThat(frame.width()).isEqualTo(WIDTH);
      assertThat(frame.height()).isEqualTo(HEIGHT);
      assertThat(difference(frame.bgr(), source)).isZero();
    }
  }

  @Test
  void shouldReadSizeFromHeadersWithoutDecoding() throws Exception {
    try (Mat source = SyntheticClips.pattern(WIDTH, HEIGHT, 0)) {
      assertThat(StillHeader.read(encode(source, ".jpg")))
          .isEqualTo(new StillHeader(Codec.JPEG, WIDTH, HEIGHT));
      assertThat(StillHeader.read(encode(source, ".png")))
          .isEqualTo(new StillHeader(Codec.PNG, WIDTH, HEIGHT));
    }
  }

  @Test
  void shouldRejectRandomBytesAsCorrupt() {
    byte[] noise = new byte[5000];
    new Random(42).nextBytes(noise);
    noise[0] = 0x12; // not by chance a JPEG or PNG signature

    assertKind(
        () -> decoder.decode(still(Codec.JPEG, noise)),
        ErrorKind.CORRUPT_PAYLOAD,
        "neither a JPEG");
  }

  @Test
  void shouldRejectTruncatedJpegAsCorrupt() throws Exception {
    byte[] jpeg = jpeg();
    byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);

    assertKind(
        () -> decoder.decode(still(Codec.JPEG, half)), ErrorKind.CORRUPT_PAYLOAD, "truncated");
  }

  @Test
  void shouldRejectJpegDeclaring20000x20000BeforeDecoding() throws Exception {
    byte[] jpeg = jpeg();
    int sof = indexOfMarker(jpeg, 0xC0);
    // SOF0: FF C0, length (2), precision (1), height (2), width (2)
    jpeg[sof + 5] = (byte) (20_000 >> 8);
    jpeg[sof + 6] = (byte) 20_000;
    jpeg[sof + 7] = (byte) (20_000 >> 8);
    jpeg[sof + 8] = (byte) 20_000;

    assertKind(() -> decoder.decode(still(Codec.JPEG, jpeg)), ErrorKind.OVERSIZED, "20000x20000");
  }

  @Test
  void shouldRejectEmptyPayload() {
    assertKind(
        () -> decoder.decode(still(Codec.JPEG, new byte[0])), ErrorKind.CORRUPT_PAYLOAD, "empty");
  }

  @Test
  void shouldRejectPayloadOverByteLimit() throws Exception {
    byte[] jpeg = jpeg();
    try (CompositeFrameDecoder strict =
        new CompositeFrameDecoder(new DecodeLimits(jpeg.length - 1, 1_000_000))) {
      assertKind(() -> strict.decode(still(Codec.JPEG, jpeg)), ErrorKind.OVERSIZED, "bytes");
    }
  }

  @Test
  void shouldRejectPngDeclaredAsJpeg() throws Exception {
    try (Mat source = SyntheticClips.pattern(WIDTH, HEIGHT, 0)) {
      byte[] png = encode(source, ".png");
      assertKind(
          () -> decoder.decode(still(Codec.JPEG, png)), ErrorKind.CORRUPT_PAYLOAD, "declares JPEG");
    }
  }

  private static void assertKind(ThrowingCallable call, ErrorKind kind, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageContaining(message);
  }

  private static byte[] jpeg() {
    try (Mat source = SyntheticClips.pattern(640, 480, 3)) {
      return encode(source, ".jpg");
    }
  }

  static byte[] encode(Mat image, String extension) {
    try (BytePointer buffer = new BytePointer()) {
      if (!imencode(extension, image, buffer)) {
        throw new IllegalStateException("imencode failed for " + extension);
      }
      byte[] bytes = new byte[(int) buffer.limit()];
      buffer.get(bytes);
      return bytes;
    }
  }

  private static int indexOfMarker(byte[] jpeg, int marker) {
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
        return i;
      }
    }
    throw new IllegalStateException("no marker " + Integer.toHexString(marker));
  }

  private static Frame still(Codec codec, byte[] payload) {
    return Frame.newBuilder()
        .setCameraId("stills")
        .setSequence(0)
        .setCaptureTimeMs(0)
        .setCodec(codec)
        .setPayload(ByteBuffer.wrap(payload))
        .build();
  }

  private static double difference(Mat a, Mat b) {
    try (Mat diff = new Mat()) {
      absdiff(a, b, diff);
      Scalar m = mean(diff);
      return (m.get(0) + m.get(1) + m.get(2)) / 3;
    }
  }
}
