package io.asmnet.processor.track;

import java.util.List;

/**
 * What one camera's tracker remembers between frames; kept in a state store so it survives restarts
 * and rebalances.
 *
 * @param lastSequence sequence of the frame this state was made from
 * @param framesSinceDetection frames since the detector last ran on this camera (0: it ran on it)
 * @param faces the faces of that frame: landmarks (136 floats in frame pixels) and how the box of
 *     the last detection related to them, one per face
 */
public record TrackState(long lastSequence, int framesSinceDetection, List<TrackedFace> faces) {
  public static final int POINTS = 68;

  public TrackState {
    faces = List.copyOf(faces);
    if (framesSinceDetection < 0) {
      throw new IllegalArgumentException("framesSinceDetection must be >= 0");
    }
  }
}
