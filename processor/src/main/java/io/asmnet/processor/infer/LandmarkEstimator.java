package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.metrics.ComponentHealth;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Crops the faces of a frame, runs the landmark model on them (batched with faces of other frames
 * from other stream threads) and maps the results back to frame pixels. Thread-safe: one instance
 * is shared by all stream threads. Blocks until the frame's faces are done, so a frame's event is
 * forwarded before its offset can be committed.
 */
public interface LandmarkEstimator extends AutoCloseable {

  /**
   * @param rois the frame's faces, cropped as the model's contract says
   * @return landmarks in the order of {@code rois}
   * @throws BatchFailedException the model failed (not the frame's fault: retry the frame later)
   * @throws BatcherClosedException the estimator is shut down or broken
   */
  LandmarkResults estimate(Mat bgr, List<FaceRoi> rois) throws InterruptedException;

  /**
   * Whether inference works now (for {@code /health}); healthy unless an implementation knows
   * better.
   */
  default ComponentHealth health() {
    return ComponentHealth.UP;
  }

  /** Model name and version, for the pose events. */
  String modelName();

  String modelVersion();

  @Override
  void close();
}
