package io.asmnet.processor.deploy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * {@code .dockerignore} as Docker applies it to the build context, for the pattern forms the file
 * uses: a glob relative to the context root ({@code **} crossing folders), where a folder pattern
 * excludes everything below it. No {@code !} exceptions (the file has none; refused).
 */
record DockerIgnore(List<PathMatcher> patterns) {

  static DockerIgnore read(Path file) throws IOException {
    List<String> lines =
        Files.readAllLines(file).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    if (lines.stream().anyMatch(l -> l.startsWith("!"))) {
      throw new IllegalStateException(
          ".dockerignore exceptions (!) are not understood by this test");
    }
    return new DockerIgnore(
        lines.stream()
            .map(l -> l.replaceAll("/+$", ""))
            .map(l -> FileSystems.getDefault().getPathMatcher("glob:" + l))
            .toList());
  }

  /** True when {@code relative} (to the context root) or one of its parent folders is ignored. */
  boolean ignores(Path relative) {
    for (Path p = relative; p != null; p = p.getParent()) {
      for (PathMatcher m : patterns) {
        if (m.matches(p)) {
          return true;
        }
      }
      // "**/target" must also match a top-level "target": Docker's ** matches zero folders.
      for (PathMatcher m : patterns) {
        if (m.matches(Path.of("x").resolve(p))) {
          return true;
        }
      }
    }
    return false;
  }
}
