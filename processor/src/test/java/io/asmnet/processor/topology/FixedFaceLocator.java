package io.asmnet.processor.topology;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.processor.track.LocatedFaces;
import io.asmnet.processor.track.TrackState;
import io.asmnet.processor.track.TrackedFace;
import io.asmnet.schemas.avro.FaceSource;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test stand-in for the detector + tracker: always "detects" the given boxes (a real Haar
 * detector finds nothing in a synthetic frame). Its track is the landmarks it was given, so the
 * test can check what reached the store. Optionally throws, to test INTERNAL dead letters.
 */
public final class FixedFaceLocator implements FaceLocator {
  private final List<FaceBox> boxes;
  private final RuntimeException failure;
  volatile boolean closed;

  public FixedFaceLocator(List<FaceBox> boxes, RuntimeException failure) {
    this.boxes = boxes;
    this.failure = failure;
  }

  @Override
  public LocatedFaces locate(Mat bgr, TrackState previous, long sequence) {
    if (failure != null) {
      throw failure;
    }
    return new LocatedFaces(boxes, FaceSource.DETECTED, 10, 0);
  }

  @Override
  public TrackState update(TrackState previous, LocatedFaces located, List<float[]> landmarks, long sequence) {
    List<TrackedFace> faces = new ArrayList<>();
    for (int i = 0; i < landmarks.size(); i++) {
      faces.add(TrackedFace.detected(landmarks.get(i), located.boxes().get(i)));
    }
    return new TrackState(sequence, 0, faces);
  }

  @Override
  public void close() {
    closed = true;
  }
}
