package io.asmnet.processor.emit;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.infer.FaceLandmarks;
import io.asmnet.processor.infer.LandmarkResults;
import io.asmnet.processor.track.LocatedFaces;
import io.asmnet.schemas.avro.Box;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.Point;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.avro.StageTimings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link PoseEvent} of one frame from its metadata, its located faces and their
 * landmarks. A frame without faces gets an event with an empty face list.
 */
public final class PoseEventAssembler {
  private final String modelName;
  private final String modelVersion;
  private final Clock clock;

  /**
   * @param clock gives {@code processedTimeMs}
   */
  public PoseEventAssembler(String modelName, String modelVersion, Clock clock) {
    this.modelName = modelName;
    this.modelVersion = modelVersion;
    this.clock = clock;
  }

  /**
   * @param width decoded frame width, pixels
   * @param height decoded frame height, pixels
   * @param results landmarks in the order of {@code located.faces()}
   */
  public PoseEvent assemble(
      Frame frame,
      int width,
      int height,
      LocatedFaces located,
      LandmarkResults results,
      FrameTimings timings) {
    if (results.faces().size() != located.faces().size()) {
      throw new IllegalArgumentException(
          located.faces().size()
              + " faces located but "
              + results.faces().size()
              + " landmark results");
    }
    List<Face> faces = new ArrayList<>(located.faces().size());
    for (int i = 0; i < located.faces().size(); i++) {
      faces.add(face(located.faces().get(i), results.faces().get(i), located));
    }
    StageTimings stageTimings =
        StageTimings.newBuilder()
            .setDecodeMicros(timings.decodeMicros())
            .setDetectMicros(located.detectMicros())
            .setTrackMicros(located.trackMicros())
            .setInferQueueMicros(results.queueMicros())
            .setInferMicros(results.inferMicros())
            .setTotalMicros(timings.totalMicros())
            .build();
    return PoseEvent.newBuilder()
        .setCameraId(frame.getCameraId())
        .setSequence(frame.getSequence())
        .setCaptureTimeMs(frame.getCaptureTimeMs())
        .setProcessedTimeMs(clock.millis())
        .setFrameWidth(width)
        .setFrameHeight(height)
        .setModelName(modelName)
        .setModelVersion(modelVersion)
        .setTimings(stageTimings)
        .setFaces(faces)
        .setClipId(frame.getClipId())
        .build();
  }

  private static Face face(FaceRoi roi, FaceLandmarks lm, LocatedFaces located) {
    List<Point> points = new ArrayList<>(68);
    float[] xy = lm.landmarks();
    for (int p = 0; p < xy.length; p += 2) {
      points.add(new Point(xy[p], xy[p + 1]));
    }
    // The event's box is the face's region, a turned one reported as its axis-aligned bounds
    // (the event's box has no angle).
    FaceBox b = FaceRegion.box(roi).bounds();
    return Face.newBuilder()
        .setBox(new Box(b.x(), b.y(), b.w(), b.h()))
        .setScore(roi.score())
        .setLandmarks(points)
        .setYaw(lm.yaw())
        .setPitch(lm.pitch())
        .setRoll(lm.roll())
        .setSource(located.source())
        .build();
  }
}
