package io.asmnet.processor.metrics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds command-line tools on the PATH, so tests that need them can skip cleanly. */
final class Tools {

  private Tools() {}

  static boolean onPath(String command) {
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
}
