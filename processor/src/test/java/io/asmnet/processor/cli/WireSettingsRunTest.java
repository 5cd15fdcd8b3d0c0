package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A bad wire-format setting stops {@code run} like any other bad setting: exit code 2, one line.
 */
class WireSettingsRunTest {
  @TempDir Path dir;

  @Test
  void shouldExitWithTwoAndOneLineWhenTheRegistryUrlIsMissing() throws IOException {
    Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1});
    StringWriter err = new StringWriter();
    boolean[] launched = {false};
    CommandLine cmd =
        ProcessorCommand.commandLine(
            new RunCommand(
                Map.of(),
                new ProductionStages(),
                (config, stages) -> {
                  launched[0] = true;
                  return 0;
                }));
    cmd.setErr(new PrintWriter(err));
    cmd.getSubcommands()
        .get("run")
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err));

    int code = cmd.execute("run", "--model", model.toString(), "--set", "serde.format=registry");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip().lines())
        .containsExactly(
            "invalid configuration: schema.registry.url: must be set with serde.format=registry (e.g. http://registry:8080)");
    assertThat(launched[0]).isFalse();
  }
}
