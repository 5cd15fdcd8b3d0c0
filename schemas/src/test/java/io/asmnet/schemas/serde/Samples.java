package io.asmnet.schemas.serde;

import io.asmnet.schemas.avro.Box;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.Point;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.avro.StageTimings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Realistic records for the tests: a JPEG-sized frame, an event with two 68-point faces. */
final class Samples {
  private Samples() {}

  static Frame frame() {
    byte[] jpeg = new byte[48_213];
    new Random(7).nextBytes(jpeg);
    jpeg[0] = (byte) 0xFF; // SOI marker, as a real JPEG starts
    jpeg[1] = (byte) 0xD8;
    return Frame.newBuilder()
        .setCameraId("lobby-cam-02")
        .setSequence(123_456L)
        .setCaptureTimeMs(1_795_000_000_123L)
        .setCodec(Codec.JPEG)
        .setWidth(640)
        .setHeight(480)
        .setKeyframe(true)
        .setPayload(ByteBuffer.wrap(jpeg))
        .setClipId("300vw-007")
        .build();
  }

  static PoseEvent poseEvent() {
    return PoseEvent.newBuilder()
        .setCameraId("lobby-cam-02")
        .setSequence(123_456L)
        .setCaptureTimeMs(1_795_000_000_123L)
        .setProcessedTimeMs(1_795_000_000_161L)
        .setFrameWidth(640)
        .setFrameHeight(480)
        .setModelName("asmnet-mobilenetv2")
        .setModelVersion("2026.11.25-3f2a9c1")
        .setTimings(new StageTimings(712L, 0L, 95L, 1_840L, 6_210L, 9_405L))
        .setFaces(
            List.of(
                face(212.5f, 140.25f, 180f, FaceSource.DETECTED, 1),
                face(420f, 96.75f, 120.5f, FaceSource.TRACKED, 2)))
        .setClipId(null)
        .build();
  }

  static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setSourceTopic("frames")
        .setPartition(3)
        .setOffset(987_654_321L)
        .setKey(ByteBuffer.wrap("lobby-cam-02".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .setTimestampMs(1_795_000_000_123L)
        .setErrorKind(ErrorKind.CORRUPT_PAYLOAD)
        .setMessage("JPEG decode failed: premature end of data segment")
        .setPayload(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8, 0x00, 0x10, 0x4A}))
        .setFailedTimeMs(1_795_000_000_170L)
        .build();
  }

  /** A face whose 68 landmarks lie on an ellipse inside the box, like a real jaw-to-mouth set. */
  static Face face(float x, float y, float size, FaceSource source, int seed) {
    Random random = new Random(seed);
    List<Point> landmarks = new ArrayList<>(68);
    for (int i = 0; i < 68; i++) {
      double angle = 2 * Math.PI * i / 68;
      landmarks.add(
          new Point(
              (float) (x + size / 2 + size * 0.4 * Math.cos(angle) + random.nextGaussian()),
              (float) (y + size / 2 + size * 0.45 * Math.sin(angle) + random.nextGaussian())));
    }
    return Face.newBuilder()
        .setBox(new Box(x, y, size, size * 1.1f))
        .setScore(0.87f + seed * 0.01f)
        .setLandmarks(landmarks)
        .setYaw(-12.4f * seed)
        .setPitch(3.75f)
        .setRoll(-1.125f)
        .setSource(source)
        .build();
  }
}
