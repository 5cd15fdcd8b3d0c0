package io.asmnet.processor.track;

import java.util.Optional;

/**
 * Judges whether one face's landmarks from the previous frame are still a usable track, or why not.
 * Pure functions over 136 floats (x0, y0, ... x67, y67 in frame pixels, iBUG 300-W order).
 */
public final class TrackHealth {
  private static final int RIGHT_EYE = 36; // points 36-41: the eye on the image's left
  private static final int LEFT_EYE = 42; // points 42-47

  private TrackHealth() {}

  /** Why the track of {@code landmarks} cannot be followed, or empty when it can. */
  public static Optional<String> problem(
      float[] landmarks, int frameWidth, int frameHeight, TrackerConfig config) {
    float minX = Float.POSITIVE_INFINITY;
    float minY = Float.POSITIVE_INFINITY;
    float maxX = Float.NEGATIVE_INFINITY;
    float maxY = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < landmarks.length; i += 2) {
      float x = landmarks[i];
      float y = landmarks[i + 1];
      if (!Float.isFinite(x) || !Float.isFinite(y)) {
        return Optional.of("landmark " + i / 2 + " is not a number");
      }
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    float extent = Math.max(maxX - minX, maxY - minY);
    if (extent < config.minFaceSize()) {
      return Optional.of("landmarks span " + extent + " px, under " + config.minFaceSize());
    }
    float inside = inside(landmarks, frameWidth, frameHeight);
    if (inside < config.minInside()) {
      return Optional.of(
          "only " + Math.round(inside * 100) + " % of the landmarks are inside the frame");
    }
    float eyes = eyeDistance(landmarks) / extent;
    if (eyes < config.minEyeDistance()) {
      return Optional.of(
          "eye distance is " + eyes + " of the face size, under " + config.minEyeDistance());
    }
    return Optional.empty();
  }

  /** Fraction of the landmarks inside the frame, in [0, 1]. */
  static float inside(float[] landmarks, int frameWidth, int frameHeight) {
    int in = 0;
    for (int i = 0; i < landmarks.length; i += 2) {
      if (landmarks[i] >= 0
          && landmarks[i] < frameWidth
          && landmarks[i + 1] >= 0
          && landmarks[i + 1] < frameHeight) {
        in++;
      }
    }
    return in / (landmarks.length / 2f);
  }

  private static float eyeDistance(float[] landmarks) {
    float dx = centre(landmarks, LEFT_EYE, 0) - centre(landmarks, RIGHT_EYE, 0);
    float dy = centre(landmarks, LEFT_EYE, 1) - centre(landmarks, RIGHT_EYE, 1);
    return (float) Math.hypot(dx, dy);
  }

  private static float centre(float[] landmarks, int firstPoint, int axis) {
    float sum = 0;
    for (int p = firstPoint; p < firstPoint + 6; p++) {
      sum += landmarks[2 * p + axis];
    }
    return sum / 6;
  }
}
