package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

class BenchCommandTest {
  @Test
  @Timeout(300)
  void shouldPrintStepTimeExportTimeAndTheMachine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TrainerCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("bench", "--batch-sizes", "2", "--steps", "1");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("machine: \\d+ cores")
        .containsPattern("batch 2: \\d+ ms per step")
        .containsPattern("export: \\d+ ms .*model \\d{7,} bytes");
  }
}
