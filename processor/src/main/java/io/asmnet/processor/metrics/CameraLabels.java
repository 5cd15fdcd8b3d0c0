package io.asmnet.processor.metrics;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps camera ids to the value of the {@code camera} tag while keeping its cardinality and size
 * bounded: the first {@code maxCameras} distinct ids of at most {@link #MAX_LABEL_CHARS} characters
 * keep their own value; every later id, and every longer id, becomes {@link #OTHER}. Each tag value
 * is a separate time series in Prometheus, so an unbounded set of cameras would grow the scrape
 * (and Prometheus' memory) without limit, and one 10 KB id would be a 10 KB label on every series
 * of that camera. A long id is not cut short: two cut ids could merge into one series that names
 * neither camera. Thread-safe.
 */
final class CameraLabels {

  /** The tag value shared by every camera past the cap. */
  static final String OTHER = "other";

  /** Longest camera id (in UTF-16 chars) that may become a tag value of its own. */
  static final int MAX_LABEL_CHARS = 64;

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

  /** The tag value for this camera id: the id itself, or {@link #OTHER} past the caps. */
  String label(String cameraId) {
    if (cameraId.length() > MAX_LABEL_CHARS) {
      return OTHER; // checked first: a long id never takes one of the maxCameras places
    }
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
