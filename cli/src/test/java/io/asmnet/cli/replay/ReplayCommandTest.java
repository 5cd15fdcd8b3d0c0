package io.asmnet.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.CommandFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code asmnet replay} fails at once with a usage code, before any broker is
 * contacted.
 */
@Timeout(
    value = 10,
    unit = TimeUnit.SECONDS) // the broker timeout is 15 s: it must not be waited for
class ReplayCommandTest {

  @Test
  void shouldFailWithUsageCodeOnAMissingClipFolder(@TempDir Path dir) {
    Path missing = dir.resolve("no-clip");

    CliRun run = CliRun.of("replay", missing.toString(), "--bootstrap-servers", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("no clip folder at " + missing, "asmnet clip --out");
  }

  @Test
  void shouldFailWithUsageCodeOnAFolderThatIsNoClip(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "not a clip");

    CliRun run = CliRun.of("replay", dir.toString(), "--bootstrap-servers", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("not a clip folder", "clip.mp4");
  }

  @Test
  void shouldRejectPngAsReplayCodec(@TempDir Path dir) {
    CliRun run = CliRun.of("replay", dir.toString(), "--codec", "png");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("--codec must be H264 or JPEG");
  }

  @Test
  void shouldRejectEmbeddedWithBootstrapServers(@TempDir Path dir) {
    CliRun run =
        CliRun.of("replay", dir.toString(), "--embedded", "--bootstrap-servers", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("--embedded starts its own broker");
  }
}
