package io.asmnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AsmnetCommandTest {

  @Test
  void shouldListEverySubcommandInHelp() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("publish", "consume", "local-kafka", "Exit codes");
  }

  @Test
  void shouldRunLocalKafkaAsSubcommand() {
    CliRun run = CliRun.of("local-kafka", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: asmnet local-kafka", "start", "stop", "status");
  }

  @Test
  void shouldExplainEachCommandInItsHelp() {
    assertThat(CliRun.of("publish", "--help").out())
        .contains(
            "--codec",
            "--fps",
            "--loop",
            "--cameras",
            "--bootstrap-servers",
            "--property",
            "max.message.bytes");
    assertThat(CliRun.of("consume", "--help").out())
        .contains(
            "--camera", "--from-beginning", "--dead-letters", "--render", "--skip-bad-records");
  }

  @Test
  @Timeout(
      value = 10,
      unit = TimeUnit.SECONDS) // the broker timeout is 15 s: it must not be waited for
  void shouldFailWithUsageCodeOnMissingFileWithoutContactingTheBroker() {
    CliRun run = CliRun.of("publish", "/no/such/clip.mp4", "--bootstrap-servers", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("no such file or folder: /no/such/clip.mp4");
  }

  @Test
  void shouldFailWithUsageCodeOnUnknownFormat(@TempDir Path dir) throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.mp4"), "these are not frames\n".repeat(50));

    CliRun run = CliRun.of("publish", notes.toString(), "--bootstrap-servers", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err())
        .contains(
            "unknown format",
            notes.toString(),
            "is not a video or image FFmpeg can read",
            "(Invalid data found when processing input)");
    // JavaCV's hints for programmers and the C call are not the user's business.
    assertThat(run.err()).doesNotContain("setFormat", "avformat_open_input", "error -");
  }

  @Test
  void shouldNameFfmpegsReasonForANonVideoPublishedAsH264(@TempDir Path dir) throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.h264"), "these are not frames\n".repeat(50));

    CliRun run =
        CliRun.of(
            "publish", notes.toString(), "--codec", "h264", "--bootstrap-servers", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err())
        .contains("unknown format", notes.toString())
        .doesNotContain("setFormat", "avformat_open_input");
  }

  @Test
  void shouldFailWithUsageCodeOnAFolderWithoutImages(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "no pictures here");

    CliRun run = CliRun.of("publish", dir.toString(), "--bootstrap-servers", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("holds no images");
  }

  @Test
  void shouldRejectAnUnknownCodec() {
    CliRun run = CliRun.of("publish", ".", "--codec", "webm");

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("--codec", "webm");
  }
}
