package io.asmnet.processor.metrics;

import io.asmnet.schemas.avro.Box;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.Point;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.avro.StageTimings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds pose events with chosen timings and face sources for the metrics tests. */
final class TestEvents {

  private TestEvents() {}

  /** Timings in microseconds, in schema order. */
  static StageTimings timings(
      long decode, long detect, long track, long inferQueue, long infer, long total) {
    return StageTimings.newBuilder()
        .setDecodeMicros(decode)
        .setDetectMicros(detect)
        .setTrackMicros(track)
        .setInferQueueMicros(inferQueue)
        .setInferMicros(infer)
        .setTotalMicros(total)
        .build();
  }

  static PoseEvent event(String camera, StageTimings timings, FaceSource... sources) {
    List<Face> faces = new ArrayList<>();
    for (FaceSource source : sources) {
      faces.add(face(source));
    }
    return PoseEvent.newBuilder()
        .setCameraId(camera)
        .setSequence(0)
        .setCaptureTimeMs(1_000)
        .setProcessedTimeMs(1_040)
        .setFrameWidth(640)
        .setFrameHeight(480)
        .setModelName("asmnet")
        .setModelVersion("1.0")
        .setTimings(timings)
        .setFaces(faces)
        .build();
  }

  static PoseEvent event(String camera, FaceSource... sources) {
    return event(camera, timings(2_000, 30_000, 500, 1_000, 8_000, 45_000), sources);
  }

  private static Face face(FaceSource source) {
    return Face.newBuilder()
        .setBox(Box.newBuilder().setX(10).setY(20).setW(100).setH(120).build())
        .setScore(0.9f)
        .setLandmarks(Collections.nCopies(68, Point.newBuilder().setX(50).setY(60).build()))
        .setYaw(0)
        .setPitch(0)
        .setRoll(0)
        .setSource(source)
        .build();
  }
}
