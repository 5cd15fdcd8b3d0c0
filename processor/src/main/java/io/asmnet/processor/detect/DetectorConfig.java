package io.asmnet.processor.detect;

/**
 * Settings of the {@link CascadeFaceDetector}.
 *
 * @param cascade which cascade to run
 * @param detectionWidth frames wider than this are scaled down to it before detection, pixels; the
 *     detector's cost grows with the area, and faces in webcam frames are large enough
 * @param minFaceSize smallest face side to look for, in frame pixels. The cascade's window (24 px
 *     for Haar) applies at detection scale, so faces smaller than {@code 24 * frameWidth /
 *     detectionWidth} frame pixels are never found whatever this says
 * @param maxFaces at most this many faces per frame, best first
 * @param scaleFactor step between pyramid scales (> 1; smaller finds more, slower)
 * @param minNeighbors overlapping raw hits a face needs to count (higher: fewer false positives)
 */
public record DetectorConfig(
    Cascade cascade,
    int detectionWidth,
    int minFaceSize,
    int maxFaces,
    double scaleFactor,
    int minNeighbors) {

  public DetectorConfig {
    if (cascade == null) {
      throw new IllegalArgumentException("cascade is required");
    }
    if (detectionWidth < 64) {
      throw new IllegalArgumentException("detectionWidth must be >= 64 pixels: " + detectionWidth);
    }
    if (minFaceSize < 1 || maxFaces < 1 || minNeighbors < 0) {
      throw new IllegalArgumentException(
          "minFaceSize and maxFaces must be >= 1, minNeighbors >= 0: "
              + minFaceSize
              + ", "
              + maxFaces
              + ", "
              + minNeighbors);
    }
    if (!(scaleFactor > 1.0 && scaleFactor < 2.0)) {
      throw new IllegalArgumentException("scaleFactor must be in (1, 2): " + scaleFactor);
    }
  }

  /** Haar default cascade at 320 px width, faces from 48 px, up to 8 faces, 1.1, 4 neighbours. */
  public static DetectorConfig defaults() {
    return new DetectorConfig(Cascade.HAAR_FRONTAL_DEFAULT, 320, 48, 8, 1.1, 4);
  }

  public DetectorConfig withCascade(Cascade other) {
    return new DetectorConfig(
        other, detectionWidth, minFaceSize, maxFaces, scaleFactor, minNeighbors);
  }

  public DetectorConfig withDetectionWidth(int width) {
    return new DetectorConfig(cascade, width, minFaceSize, maxFaces, scaleFactor, minNeighbors);
  }

  public DetectorConfig withMinFaceSize(int size) {
    return new DetectorConfig(cascade, detectionWidth, size, maxFaces, scaleFactor, minNeighbors);
  }

  public DetectorConfig withMaxFaces(int faces) {
    return new DetectorConfig(
        cascade, detectionWidth, minFaceSize, faces, scaleFactor, minNeighbors);
  }
}
