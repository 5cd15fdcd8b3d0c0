package io.asmnet.processor.infer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the real exported landmark model for tests: {@code models/*.onnx} at the repository root
 * (tests run in {@code processor/}), else the file named by {@code -Dasmnet.test.model}. Tests that
 * need it are skipped, with a message, when there is none.
 */
public final class TestModels {
  public static final String PROPERTY = "asmnet.test.model";

  private TestModels() {}

  public static Optional<Path> find() {
    for (Path dir : new Path[] {Path.of("models"), Path.of("..", "models")}) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          Optional<Path> onnx =
              files.filter(p -> p.toString().endsWith(".onnx")).sorted().findFirst();
          if (onnx.isPresent()) {
            return onnx;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    String prop = System.getProperty(PROPERTY);
    return prop == null || prop.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(prop)).filter(Files::isRegularFile);
  }

  /** The model, or the test is skipped. */
  public static Path require() {
    Optional<Path> model = find();
    assumeTrue(
        model.isPresent(),
        "no landmark model: put one in models/*.onnx or pass -D" + PROPERTY + "=FILE");
    return model.get();
  }
}
