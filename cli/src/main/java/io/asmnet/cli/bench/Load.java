package io.asmnet.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, so every figure can say how busy the machine was. */
final class Load {
  private Load() {}

  /** The 1-minute load average from {@code /proc/loadavg}; NaN where there is none. */
  static double oneMinute() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
