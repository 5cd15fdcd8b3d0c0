package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentMemoryTest {

  @Test
  void shouldReadVmRssInBytes(@TempDir Path dir) throws Exception {
    Path status =
        Files.writeString(
            dir.resolve("status"),
            "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n");

    assertThat(ResidentMemory.bytes(status)).isEqualTo(123_456 * 1024.0);
  }

  @Test
  void shouldSayNothingRatherThanSomethingWrong(@TempDir Path dir) throws Exception {
    assertThat(ResidentMemory.bytes(dir.resolve("missing"))).isNaN();
    assertThat(ResidentMemory.bytes(Files.writeString(dir.resolve("odd"), "VmRSS: lots\n")))
        .isNaN();
  }

  @Test
  void shouldSeeThisJvmsHeapAndMoreOnLinux() {
    double rss = ResidentMemory.bytes();
    if (Files.exists(Path.of("/proc/self/status"))) {
      Runtime rt = Runtime.getRuntime();
      assertThat(rss).isGreaterThan(rt.totalMemory() - rt.freeMemory());
    } else {
      assertThat(rss).isNaN();
    }
  }
}
