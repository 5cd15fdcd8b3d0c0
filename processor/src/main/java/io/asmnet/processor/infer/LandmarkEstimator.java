package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceBox;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Crops the faces of a frame, runs the landmark model on them (batched with faces of other
 * frames from other stream threads) and maps the results back to frame pixels. Thread-safe:
 * one instance is shared by all stream threads. Blocks until the frame's faces are done, so a
 * frame's event is forwarded before its offset can be committed.
 */
public interface LandmarkEstimator extends AutoCloseable {

  LandmarkResults estimate(Mat bgr, List<FaceBox> boxes) throws InterruptedException;

  /** Model name and version, for the pose events. */
  String modelName();

  String modelVersion();

  @Override
  void close();
}
