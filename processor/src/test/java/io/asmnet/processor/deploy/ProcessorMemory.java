package io.asmnet.processor.deploy;

import java.util.List;
import java.util.Map;

/**
 * The memory settings the processor is meant to run with: what {@code ./asmnet run} and the image
 * must pass ({@link MemorySettingsTest}) and what the flood benchmark measures.
 */
public final class ProcessorMemory {
  /** JVM flags: explicit heap, G1 giving it back when idle, no JavaCPP physical-memory check. */
  public static final List<String> JVM_FLAGS =
      List.of(
          "-Xms64m",
          "-Xmx1g",
          "-XX:+UseG1GC",
          "-XX:G1PeriodicGCInterval=15000",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");

  /** glibc malloc: two arenas, big blocks mmapped and returned, the heap top trimmed early. */
  public static final Map<String, String> MALLOC_ENV =
      Map.of(
          "MALLOC_ARENA_MAX",
          "2",
          "MALLOC_MMAP_THRESHOLD_",
          "1048576",
          "MALLOC_TRIM_THRESHOLD_",
          "4194304");

  private ProcessorMemory() {}
}
