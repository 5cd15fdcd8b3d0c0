package io.asmnet.processor.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident set size, bytes, from Linux's {@code /proc/self/status} ({@code VmRSS}):
 * heap plus everything native (ONNX Runtime, OpenCV, FFmpeg, direct buffers, thread stacks), the
 * figure a container's memory limit is checked against. NaN where there is no such file (not
 * Linux). Read on each call (one small file, once per scrape). Stateless.
 */
final class ResidentMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ResidentMemory() {}

  static double bytes() {
    return bytes(STATUS);
  }

  static double bytes(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          // "VmRSS:	  123456 kB": the kernel always reports kB here.
          String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
          return Long.parseLong(fields[0]) * 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double
          .NaN; // no /proc (not Linux) or an unexpected layout: no value rather than a wrong one
    }
    return Double.NaN;
  }
}
