package io.asmnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import picocli.CommandLine;

/**
 * The outcome of running {@code asmnet} in-process with captured output.
 *
 * @param exitCode what {@code execute()} returned
 * @param out standard output of the command
 * @param err error output of the command
 * @param elapsed wall-clock time of the run
 */
public record CliRun(int exitCode, String out, String err, Duration elapsed) {

  /** Runs {@code asmnet args...} through the production command line. */
  public static CliRun of(String... args) {
    CommandLine line = AsmnetCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    long start = System.nanoTime();
    int code = line.execute(args);
    return new CliRun(
        code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Non-empty lines of standard output. */
  public java.util.List<String> outLines() {
    return out.lines().filter(l -> !l.isBlank()).toList();
  }
}
