package io.asmnet.cli;

import io.asmnet.trainer.data.StarterDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the commands find the checkout's files when run from anywhere: the repository root is the
 * system property {@code asmnet.home} (set by the {@code ./asmnet} launcher), else the first folder
 * from the working folder upwards that holds {@code scripts/fetch-starter-data.sh}.
 */
public final class Locations {
  /** The starter model, relative to the repository root (or the working folder). */
  public static final Path STARTER_MODEL = Path.of("models", "asmnet-starter.onnx");

  private static final String MARKER = "scripts/fetch-starter-data.sh";

  private Locations() {}

  /** The repository root, when one is found. */
  public static Optional<Path> repoRoot() {
    String home = System.getProperty("asmnet.home");
    if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home))) {
      return Optional.of(Path.of(home).toAbsolutePath());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(MARKER))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /**
   * The starter model: {@code models/asmnet-starter.onnx} under the working folder, else under the
   * repository root.
   *
   * @throws CommandFailure (usage) naming both places when neither holds it
   */
  public static Path starterModel() {
    Path local = STARTER_MODEL.toAbsolutePath();
    if (Files.isRegularFile(local)) {
      return local;
    }
    Optional<Path> inRoot =
        repoRoot().map(r -> r.resolve(STARTER_MODEL)).filter(Files::isRegularFile);
    return inRoot.orElseThrow(
        () ->
            CommandFailure.usage(
                "no model at "
                    + local
                    + repoRoot().map(r -> " nor at " + r.resolve(STARTER_MODEL)).orElse("")
                    + ": train and export one (asmnet train, asmnet export) or pass --model FILE"));
  }

  /**
   * Where dlib's starter photos are cached: {@code $ASMNET_DATA_DIR}, else {@code .cache/dlib}
   * under the repository root, else under the working folder.
   */
  public static Path starterDataCache() {
    String env = System.getenv("ASMNET_DATA_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return repoRoot().map(r -> r.resolve(".cache/dlib")).orElse(StarterDataset.defaultCacheDir());
  }
}
