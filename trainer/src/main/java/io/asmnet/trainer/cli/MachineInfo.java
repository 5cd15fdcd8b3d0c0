package io.asmnet.trainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One-line descriptions of this machine (cores, CPU model, memory, load) for benchmark output. */
final class MachineInfo {
  private MachineInfo() {}

  static String describe() {
    return String.format(
        "machine: %d cores, %s, %s memory; load average %s",
        Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), loadAverage());
  }

  static String loadAverage() {
    List<String> lines = read("/proc/loadavg");
    return lines.isEmpty()
        ? "unknown"
        : String.join(" ", List.of(lines.get(0).split(" ")).subList(0, 3));
  }

  private static String cpuModel() {
    return read("/proc/cpuinfo").stream()
        .filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip())
        .findFirst()
        .orElse("unknown CPU");
  }

  private static String memory() {
    return read("/proc/meminfo").stream()
        .filter(l -> l.startsWith("MemTotal:"))
        .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
        .findFirst()
        .orElse("unknown");
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of(); // not Linux: the figures still print, without these
    }
  }
}
