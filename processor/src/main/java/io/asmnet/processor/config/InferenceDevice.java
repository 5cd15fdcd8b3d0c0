package io.asmnet.processor.config;

import java.util.Locale;

/** Where the landmark model runs. AUTO tries CUDA and falls back to the CPU. */
public enum InferenceDevice {
  AUTO,
  CPU,
  CUDA;

  /** Parses {@code auto|cpu|cuda}, case-insensitive. */
  public static InferenceDevice parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
