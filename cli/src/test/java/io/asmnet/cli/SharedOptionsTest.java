package io.asmnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands that publish frames declare --camera-id, --clip-id, --codec and --fps once, in the
 * shared mixins, each with its own defaults; usage problems are reported alike.
 */
class SharedOptionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"publish", "replay", "demo"})
  void shouldTakeTheFrameOptionsFromTheSharedMixins(String command) {
    CommandLine line = AsmnetCommand.commandLine().getSubcommands().get(command);

    assertThat(line.getMixins()).containsKeys("camera", "encoding");
    assertThat(line.getMixins().get("camera")).isInstanceOf(CameraOptions.class);
    assertThat(line.getMixins().get("encoding")).isInstanceOf(EncodingOptions.class);
    List<String> names =
        line.getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
    assertThat(names).contains("--camera-id", "--clip-id", "--codec", "--fps");
  }

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '"',
      value = {
        "publish, --camera-id, cam-1", "publish, --codec, JPEG", "publish, --fps, 0.0",
        "replay, --camera-id, replay", "replay, --codec, H264",
            "replay, --fps, the source's own rate",
        "demo, --camera-id, demo-cam", "demo, --codec, H264", "demo, --fps, 6.0"
      })
  void shouldKeepEachCommandsOwnDefaults(String command, String option, String expected) {
    CommandLine line = AsmnetCommand.commandLine().getSubcommands().get(command);

    OptionSpec spec = line.getCommandSpec().findOption(option);

    assertThat(String.valueOf((Object) spec.getValue())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"replay", "demo"})
  void shouldRejectACodecTheCommandCannotPublish(String command) {
    List<String> args =
        command.equals("replay")
            ? List.of("replay", "/nonexistent", "--codec", "png")
            : List.of("demo", "--codec", "png");

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(run.err()).contains("--codec must be H264 or JPEG, got PNG");
  }

  @ParameterizedTest
  @ValueSource(strings = {"publish", "replay"})
  void shouldRejectABlankCameraIdAndANegativeRate(String command) {
    CliRun blank = CliRun.of(command, "/nonexistent", "--camera-id", " ");
    CliRun negative = CliRun.of(command, "/nonexistent", "--fps", "-1");

    assertThat(blank.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(blank.err()).contains("--camera-id and --clip-id must not be blank");
    assertThat(negative.exitCode()).isEqualTo(CommandFailure.USAGE);
    assertThat(negative.err()).contains("--fps must be 0 or positive, got -1.0");
  }
}
