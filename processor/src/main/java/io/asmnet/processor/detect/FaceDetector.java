package io.asmnet.processor.detect;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR frame. Not thread-safe: one instance per stream task. */
public interface FaceDetector extends AutoCloseable {

  /**
   * Faces in frame pixels, best first, at most the configured maximum, framed as {@link
   * FaceRegion}s.
   */
  List<FaceBox> detect(Mat bgr);

  /**
   * The same faces as {@link FaceRoi}s, what the pipeline passes on; detectors that know where the
   * landmarks are give them without making boxes first.
   */
  default List<FaceRoi> locate(Mat bgr) {
    return detect(bgr).stream().map(FaceRegion::roi).toList();
  }

  @Override
  void close();
}
