package io.asmnet.processor.track;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceDetector;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test fake: returns fixed boxes and counts how often it was asked (the real one is tested apart).
 */
final class CountingFaceDetector implements FaceDetector {
  private List<FaceBox> boxes;
  int calls;
  boolean closed;

  CountingFaceDetector(List<FaceBox> boxes) {
    this.boxes = boxes;
  }

  void answer(List<FaceBox> next) {
    boxes = next;
  }

  @Override
  public List<FaceRoi> locate(Mat bgr) {
    calls++;
    return boxes.stream().map(FaceRegion::roi).toList();
  }

  @Override
  public void close() {
    closed = true;
  }
}
