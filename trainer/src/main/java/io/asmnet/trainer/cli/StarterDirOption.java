package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.StarterDataset;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Picocli mixin: {@code --starter-dir}, where the starter set is cached (fetched when missing). */
final class StarterDirOption {
  @Option(
      names = "--starter-dir",
      paramLabel = "DIR",
      description = "starter data cache (default $ASMNET_DATA_DIR or .cache/dlib)")
  Path starterDir;

  Path cache() {
    return starterDir != null ? starterDir : StarterDataset.defaultCacheDir();
  }
}
