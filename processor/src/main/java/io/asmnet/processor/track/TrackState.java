package io.asmnet.processor.track;

import java.util.List;

/**
 * What one camera's tracker remembers between frames; kept in a state store so it survives
 * restarts and rebalances.
 *
 * @param lastSequence sequence of the frame this state was made from
 * @param framesSinceDetection frames since the detector last ran on this camera (0: it ran on it)
 * @param faces the landmarks of that frame, one array of 136 floats (x0, y0, x1, y1, ...) in frame
 *     pixels per face
 */
public record TrackState(long lastSequence, int framesSinceDetection, List<float[]> faces) {
  public static final int POINTS = 68;

  public TrackState {
    faces = List.copyOf(faces);
    for (float[] f : faces) {
      if (f.length != 2 * POINTS) {
        throw new IllegalArgumentException("each face needs 136 coordinates, got " + f.length);
      }
    }
    if (framesSinceDetection < 0) {
      throw new IllegalArgumentException("framesSinceDetection must be >= 0");
    }
  }
}
