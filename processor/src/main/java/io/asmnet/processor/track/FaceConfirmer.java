package io.asmnet.processor.track;

import io.asmnet.processor.detect.FaceBox;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Checks, cheaply, that a tracked face is still where its track predicts: a detector run on the
 * predicted box's enlarged region only. Not thread-safe: one per stream task.
 */
public interface FaceConfirmer extends AutoCloseable {

  /** The face found around {@code predicted} (a fresh box), or empty when it is gone. */
  Optional<FaceBox> confirm(Mat bgr, FaceBox predicted);

  @Override
  void close();
}
