package io.asmnet.processor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code processor run} (the real {@link ProcessorCommand#main}) in a child JVM on the test
 * classpath, as a supervisor starts it: its exit status is the real one, signals are real signals.
 * Output goes to files in {@code dir} (a full pipe would block the child). {@link #close()} kills
 * it if it still runs.
 */
final class ChildProcessor implements AutoCloseable {
  /** A line of the tests' log pattern ({@code HH:mm:ss.SSS LEVEL [thread] logger - msg}). */
  private static final Pattern LOG_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} .*");

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildProcessor(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code ProcessorCommand args} with no {@code ASMNET_*} variables but {@code env}. */
  static ChildProcessor start(Path dir, String name, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                ProcessorCommand.class.getName()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("ASMNET_"));
    pb.environment().putAll(env);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new ChildProcessor(pb.start(), out, err);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends {@code SIGINT}, {@code SIGTERM}, ... with kill(1), as a terminal or a supervisor would.
   */
  void signal(String name) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /**
   * The exit status, or an AssertionError with the output when it runs longer than {@code limit}.
   */
  int awaitExit(Duration limit) throws InterruptedException, IOException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "processor still running after " + limit.toSeconds() + " s:\n" + stderr());
    }
    return process.exitValue();
  }

  /** Waits until stderr (the log) contains {@code text}; false if the process ends first. */
  boolean awaitLog(String text, Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (stderr().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return stderr().contains(text);
      }
      Thread.sleep(200);
    }
    return false;
  }

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /** What the command itself printed on stderr: every line that is not a log line. */
  List<String> messageLines() throws IOException {
    return stderr().lines().filter(l -> !l.isBlank() && !LOG_LINE.matcher(l).matches()).toList();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
