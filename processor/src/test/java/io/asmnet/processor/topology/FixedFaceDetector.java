package io.asmnet.processor.topology;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceDetector;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.processor.track.TrackerConfig;
import io.asmnet.processor.track.TrackingFaceLocator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test stand-in for the face detector alone (no real detector finds a face in a synthetic frame):
 * always "finds" the given boxes, or throws the given failure (to test INTERNAL dead letters).
 * Everything after it is the production tracker ({@link #locator}), so what reaches the store is
 * what production would write.
 */
public final class FixedFaceDetector implements FaceDetector {
  private final List<FaceBox> boxes;
  private final RuntimeException failure;
  volatile boolean closed;

  public FixedFaceDetector(List<FaceBox> boxes, RuntimeException failure) {
    this.boxes = List.copyOf(boxes);
    this.failure = failure;
  }

  /**
   * The production locator on this detector, detecting on every frame (as the tests expect DETECTED
   * faces).
   */
  public FaceLocator locator() {
    return new TrackingFaceLocator(this, TrackerConfig.defaults().withDetectEvery(1));
  }

  @Override
  public List<FaceRoi> locate(Mat bgr) {
    if (failure != null) {
      throw failure;
    }
    return boxes.stream().map(FaceRegion::roi).toList();
  }

  @Override
  public void close() {
    closed = true;
  }
}
