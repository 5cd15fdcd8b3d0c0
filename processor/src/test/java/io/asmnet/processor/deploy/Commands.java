package io.asmnet.processor.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs command-line tools from tests, so tests that need one can skip cleanly without it. */
public final class Commands {

  /** What a finished command returned: exit code and stdout+stderr. */
  public record Result(int exitCode, String output) {}

  private Commands() {}

  /** True if {@code command} is an executable file on the PATH. */
  public static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code command} in {@code dir}; fails if it takes longer than {@code timeoutSeconds}. */
  public static Result run(Path dir, List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    // Read before waiting: a full pipe would block the child forever.
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
    }
    return new Result(process.exitValue(), output);
  }

  /** The repository root: the nearest directory upwards holding {@code docker-compose.yml}. */
  public static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
  }
}
