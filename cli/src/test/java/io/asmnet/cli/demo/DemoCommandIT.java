package io.asmnet.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.Locations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code asmnet demo} in its short form, end to end: embedded broker (its own JVM), processor with
 * the real model, a clip of a real photo, the report, and everything stopped afterwards. The model
 * may be untrained: counts are asserted, not accuracy.
 */
@Tag("integration")
class DemoCommandIT {

  @BeforeEach
  void requireModel() {
    assumeTrue(
        Locations.repoRoot()
            .map(r -> Files.isRegularFile(r.resolve(Locations.STARTER_MODEL)))
            .orElse(false),
        "no models/asmnet-starter.onnx in the checkout");
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void shouldAccountForEveryFrameOfTheShortDemoAndLeaveNothingRunning() throws Exception {
    Set<Long> childrenBefore = children();
    Set<Path> tempBefore = demoTempFolders();

    CliRun run = CliRun.of("demo", "--frames", "20", "--photos", "1", "--quiet", "--device", "cpu");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("frames in\\s+20\\s+frames")
        .containsPattern("frames out\\s+20\\s+frames")
        .containsPattern("missing frames\\s+0\\s+frames")
        .doesNotContain("demo-cam  #"); // --quiet: no per-event lines
    Matcher metrics =
        Pattern.compile("metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher(run.out());
    assertThat(metrics.find()).as(run.out()).isTrue();
    Matcher pid = Pattern.compile("\\(pid (\\d+)\\)").matcher(run.err());
    assertThat(pid.find()).as(run.err()).isTrue();
    assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).filter(ProcessHandle::isAlive))
        .isEmpty();
    assertThat(children()).isSubsetOf(childrenBefore);
    assertThat(demoTempFolders()).isSubsetOf(tempBefore);
    assertThatThrownBy(() -> URI.create(metrics.group(1)).toURL().openStream().close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // no hang: the broker timeout is 3 s
  void shouldFailClearlyOnAnUnreachableBroker() {
    Set<Long> childrenBefore = children();

    CliRun run =
        CliRun.of("demo", "--bootstrap-servers", "127.0.0.1:1", "--kafka-timeout", "3", "--quiet");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot reach the Kafka broker at 127.0.0.1:1 within 3 s");
    assertThat(children()).isSubsetOf(childrenBefore);
  }

  private static Set<Long> children() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  private static Set<Path> demoTempFolders() throws IOException {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("asmnet-demo-"))
          .collect(Collectors.toSet());
    }
  }
}
