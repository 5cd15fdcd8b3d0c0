package io.asmnet.processor.track;

import io.asmnet.processor.detect.FaceRoi;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Checks, cheaply, that a tracked face is still where its track predicts: a detector run on the
 * predicted region, enlarged, only. Not thread-safe: one per stream task.
 */
public interface FaceConfirmer extends AutoCloseable {

  /**
   * The face found around {@code predicted}, freshly framed by the detector and keeping {@code
   * predicted}'s track, or empty when it is gone.
   */
  Optional<FaceRoi> confirm(Mat bgr, FaceRoi predicted);

  @Override
  void close();
}
