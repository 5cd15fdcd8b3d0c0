package io.asmnet.processor.metrics;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps camera ids to the value of the {@code camera} tag while keeping its cardinality bounded: the
 * first {@code maxCameras} distinct ids keep their own value, every later id becomes {@link
 * #OTHER}. Each tag value is a separate time series in Prometheus, so an unbounded set of cameras
 * would grow the scrape (and Prometheus' memory) without limit. Thread-safe.
 */
final class CameraLabels {

  /** The tag value shared by every camera past the cap. */
  static final String OTHER = "other";

  private final int maxCameras;
  private final ConcurrentHashMap<String, String> admitted = new ConcurrentHashMap<>();
  // Once full, ids past the cap skip the lock; they are not remembered, so memory stays bounded.
  private volatile boolean full;

  CameraLabels(int maxCameras) {
    if (maxCameras < 0) {
      throw new IllegalArgumentException("maxCameras must be >= 0, was " + maxCameras);
    }
    this.maxCameras = maxCameras;
    this.full = maxCameras == 0;
  }

  /** The tag value for this camera id: the id itself, or {@link #OTHER} past the cap. */
  String label(String cameraId) {
    String known = admitted.get(cameraId);
    if (known != null) {
      return known;
    }
    if (full) {
      return OTHER;
    }
    synchronized (this) {
      known = admitted.get(cameraId);
      if (known != null) {
        return known;
      }
      if (admitted.size() >= maxCameras) {
        full = true;
        return OTHER;
      }
      admitted.put(cameraId, cameraId);
      return cameraId;
    }
  }
}
