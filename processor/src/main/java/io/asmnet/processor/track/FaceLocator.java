package io.asmnet.processor.track;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decides, per frame, whether faces come from the detector or from the camera's track, and updates
 * the track from the landmarks the model returned. Not thread-safe: one per stream task.
 */
public interface FaceLocator extends AutoCloseable {

  /**
   * @param previous the camera's track, or null for its first frame
   */
  LocatedFaces locate(Mat bgr, TrackState previous, long sequence);

  /**
   * The track after this frame. A tracked face continues the track its {@link
   * io.asmnet.processor.detect.FaceRoi#track} names; a detected one starts a new track.
   *
   * @param landmarks per located face, 136 floats in frame pixels, in the order of {@code located}
   */
  TrackState update(
      TrackState previous, LocatedFaces located, java.util.List<float[]> landmarks, long sequence);

  @Override
  void close();
}
