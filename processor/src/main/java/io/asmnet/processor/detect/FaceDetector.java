package io.asmnet.processor.detect;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR frame. Not thread-safe: one instance per stream task. */
public interface FaceDetector extends AutoCloseable {

  /**
   * The faces of a frame, best first, at most the configured maximum: where each one's landmarks
   * are expected, in frame pixels. No box is made here; emit frames each face as a {@link
   * FaceRegion} ({@link FaceRegion#box}) when it reports it.
   */
  List<FaceRoi> locate(Mat bgr);

  @Override
  void close();
}
