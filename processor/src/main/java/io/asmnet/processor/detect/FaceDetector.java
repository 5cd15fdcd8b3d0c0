package io.asmnet.processor.detect;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR frame. Not thread-safe: one instance per stream task. */
public interface FaceDetector extends AutoCloseable {

  /** Faces in frame pixels, best first, at most the configured maximum. */
  List<FaceBox> detect(Mat bgr);

  @Override
  void close();
}
