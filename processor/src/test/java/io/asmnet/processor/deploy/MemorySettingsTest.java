package io.asmnet.processor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory settings the processor runs with, as {@code ./asmnet run} and the image pass them: the
 * same explicit heap in both, G1 giving memory back when idle, and glibc's malloc settings. (Their
 * effect after a flood of 8K frames is measured by {@code MemoryAfterFloodBenchmark}; figures in
 * docs/BENCHMARKS.md.)
 */
class MemorySettingsTest {
  private static final List<String> JVM_FLAGS = ProcessorMemory.JVM_FLAGS;
  private static final Map<String, String> MALLOC_ENV = ProcessorMemory.MALLOC_ENV;

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @TempDir Path dir;

  @Test
  void shouldStartTheProcessorWithTheHeapAndMallocSettings() throws Exception {
    String run = launch("run", "--help");

    assertThat(run.lines()).containsAll(JVM_FLAGS).doesNotContain("-XX:+UseSerialGC");
    MALLOC_ENV.forEach((k, v) -> assertThat(run).contains("env " + k + "=" + v));
  }

  @Test
  void shouldKeepTheSerialCollectorForTheShortCommands() throws Exception {
    String consume = launch("consume", "--help");

    assertThat(consume.lines()).contains("-XX:+UseSerialGC").doesNotContain("-Xmx1g");
  }

  @Test
  void shouldGiveTheImageTheSameHeapAndMallocSettings() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/processor.Dockerfile"));
    String toolOptions = dockerfile.replaceAll("(?s).*JAVA_TOOL_OPTIONS=\"([^\"]*)\".*", "$1");

    assertThat(List.of(toolOptions.split(" "))).containsAll(JVM_FLAGS);
    assertThat(toolOptions).doesNotContain("MaxRAMPercentage");
    MALLOC_ENV.forEach(
        (k, v) -> assertThat(dockerfile).containsPattern("(?m)^\\s+" + k + "=" + v + "\\b"));
  }

  /**
   * Runs the real launcher script from a copy of its folder layout whose build is up to date, with
   * a stand-in {@code java} that prints its arguments (one per line) and the malloc environment.
   */
  private String launch(String... args) throws Exception {
    Files.copy(ROOT.resolve("asmnet"), dir.resolve("asmnet"));
    Path target = Files.createDirectories(dir.resolve("cli/target"));
    Files.writeString(target.resolve("classpath.txt"), "/nowhere.jar");
    Files.writeString(target.resolve("asmnet-built.stamp"), "");
    Path java = dir.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\nenv | grep '^MALLOC_' | sed 's/^/env /'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    ProcessBuilder pb =
        new ProcessBuilder(concat("bash", dir.resolve("asmnet").toString(), args))
            .redirectErrorStream(true);
    pb.environment().put("JAVA", java.toString());
    pb.environment().put("MVN", "false"); // the build must not be needed
    pb.environment().remove("ASMNET_JAVA_OPTS");
    MALLOC_ENV.keySet().forEach(pb.environment()::remove);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  private static List<String> concat(String a, String b, String... rest) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(a, b), java.util.stream.Stream.of(rest))
        .toList();
  }
}
