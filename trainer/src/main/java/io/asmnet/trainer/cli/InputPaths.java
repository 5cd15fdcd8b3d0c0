package io.asmnet.trainer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks a command's input files before any engine opens them, so a wrong path is a usage error
 * (exit code 2, one line naming the option and the path, as the streaming commands do) and never an
 * {@code OrtException} or a DJL stack trace. Stateless.
 */
final class InputPaths {
  private InputPaths() {}

  /** Nothing to check when {@code path} is null (the option was not given). */
  static void requireFile(CommandSpec spec, String option, Path path) {
    if (path != null && !Files.isRegularFile(path)) {
      throw new ParameterException(spec.commandLine(), option + ": no such file: " + path);
    }
  }

  /** Nothing to check when {@code path} is null (the option was not given). */
  static void requireDirectory(CommandSpec spec, String option, Path path) {
    if (path != null && !Files.isDirectory(path)) {
      throw new ParameterException(spec.commandLine(), option + ": no such folder: " + path);
    }
  }
}
