package io.asmnet.cli.replay;

import io.asmnet.cli.clip.ClipSpec;
import io.asmnet.cli.clip.GroundTruth;
import io.asmnet.cli.clip.Motion;
import io.asmnet.cli.clip.Segment;
import io.asmnet.cli.clip.TruthBox;
import io.asmnet.cli.clip.TruthFace;
import io.asmnet.cli.clip.TruthFrame;
import io.asmnet.schemas.avro.Box;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.Point;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.avro.StageTimings;
import java.util.ArrayList;
import java.util.List;

/** Hand-made ground truth and pose events with easy numbers. */
final class Fixtures {
  /** Outer eye corners 36 and 45 are 60 px apart. */
  static final double INTEROCULAR = 60;

  private Fixtures() {}

  /** 68 points on a 10-px grid from (100, 100); point 36 at (100, 160), 45 at (160, 160). */
  static float[] shape(float dx, float dy) {
    float[] xy = new float[136];
    for (int i = 0; i < 68; i++) {
      xy[2 * i] = 100 + 10 * (i % 9) + dx;
      xy[2 * i + 1] = 100 + 10 * (i / 9) + dy;
    }
    xy[72] = 100 + dx;
    xy[73] = 160 + dy;
    xy[90] = 160 + dx;
    xy[91] = 160 + dy;
    return xy;
  }

  /** A clip of n frames, one in-frame face each, roll 10 + frame index, yaw 5, pitch -3. */
  static GroundTruth truth(int n) {
    List<TruthFrame> frames = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      float[] lm = shape(0, 0);
      TruthFace face = new TruthFace(lm, TruthBox.around(lm), 5.0, -3.0, 10.0 + k, true);
      frames.add(
          new TruthFrame(
              k, 0, new Motion(0, 0, 1, k), new double[] {1, 0, 0, 0, 1, 0}, List.of(face)));
    }
    ClipSpec spec = ClipSpec.defaults().withFrames(n);
    return new GroundTruth(spec, List.of(new Segment(0, "synthetic.png", 640, 480, 0, n)), frames);
  }

  /** An event face with the given points, a box tight around them and the given pose. */
  static Face face(float[] lm, float yaw, float pitch, float roll) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 68; i++) {
      points.add(new Point(lm[2 * i], lm[2 * i + 1]));
    }
    TruthBox b = TruthBox.around(lm);
    return Face.newBuilder()
        .setBox(new Box((float) b.x(), (float) b.y(), (float) b.w(), (float) b.h()))
        .setScore(0.9f)
        .setLandmarks(points)
        .setYaw(yaw)
        .setPitch(pitch)
        .setRoll(roll)
        .setSource(FaceSource.DETECTED)
        .build();
  }

  /** The event of the truth's face in frame k, moved by (dx, dy), with the true pose. */
  static PoseEvent event(
      GroundTruth truth, long k, float dx, float dy, long capture, long processed) {
    TruthFace t = truth.frame(k).faces().get(0);
    Face face =
        face(shape(dx, dy), t.yaw().floatValue(), t.pitch().floatValue(), t.roll().floatValue());
    return event(k, List.of(face), capture, processed);
  }

  static PoseEvent event(long sequence, List<Face> faces, long capture, long processed) {
    return PoseEvent.newBuilder()
        .setCameraId("clip")
        .setSequence(sequence)
        .setCaptureTimeMs(capture)
        .setProcessedTimeMs(processed)
        .setFrameWidth(640)
        .setFrameHeight(480)
        .setModelName("asmnet")
        .setModelVersion("test")
        .setTimings(
            StageTimings.newBuilder()
                .setDecodeMicros(1)
                .setDetectMicros(1)
                .setInferMicros(1)
                .setTotalMicros(3)
                .build())
        .setFaces(faces)
        .build();
  }
}
