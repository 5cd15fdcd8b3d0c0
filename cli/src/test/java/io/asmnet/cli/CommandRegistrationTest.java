package io.asmnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The processor's and trainer's commands work as {@code asmnet} subcommands, options and exit codes
 * intact.
 */
class CommandRegistrationTest {

  @Test
  void shouldListEveryCommandInHelp() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "demo",
            "run",
            "topics",
            "publish",
            "consume",
            "clip",
            "replay",
            "local-kafka",
            "train",
            "export",
            "help");
  }

  @Test
  void shouldShowTheProcessorSettingsInRunHelp() {
    CliRun run = CliRun.of("run", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "Usage: asmnet run",
            "--config",
            "--bootstrap-servers",
            "--model",
            "max.batch.size = 16",
            "model.path = models/asmnet-starter.onnx",
            "bad configuration, one line per problem naming the setting",
            "--kafka-timeout");
  }

  @Test
  void shouldExitWithTheProcessorsBadConfigurationCode() {
    CliRun run = CliRun.of("run", "--set", "max.batch.size=0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("max.batch.size");
  }

  @Test
  void shouldRunTheTrainersCommandsAsSubcommands() {
    CliRun help = CliRun.of("export", "--help");
    CliRun usage = CliRun.of("export", "--out", "unused.onnx");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: asmnet export", "--untrained");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("--checkpoint");
  }

  @Test
  void shouldExplainTheNewCommandsInTheirHelp() {
    assertThat(CliRun.of("demo", "--help").out())
        .contains("--frames", "--photos", "--codec", "--keep-running", "--quiet", "--json");
    assertThat(CliRun.of("replay", "--help").out())
        .contains(
            "CLIP_DIR",
            "--embedded",
            "--codec",
            "--camera-id",
            "--timeout",
            "--report-json",
            "--plot",
            "--bootstrap-servers");
    assertThat(CliRun.of("clip", "--help").out())
        .contains("--out", "--frames", "--fps", "--size", "--seed", "--photos");
  }
}
