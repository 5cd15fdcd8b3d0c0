package io.asmnet.processor.config;

import java.util.Locale;

/** Which face detector the processor runs. */
public enum DetectorKind {
  /** MediaPipe's BlazeFace on ONNX Runtime (full range on frames, short range on tracked faces). */
  BLAZEFACE,
  /** An OpenCV cascade ({@code detector.cascade}): kept for comparison and as a fallback. */
  HAAR;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
