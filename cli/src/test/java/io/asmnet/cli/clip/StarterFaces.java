package io.asmnet.cli.clip;

import io.asmnet.trainer.data.LabelledFace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The starter set's held-out faces for tests, cached in the checkout's {@code .cache/dlib}. */
public final class StarterFaces {
  private StarterFaces() {}

  /** {@code $ASMNET_DATA_DIR}, else {@code .cache/dlib} at the checkout root (not in cli/). */
  public static Path cacheDir() {
    String env = System.getenv("ASMNET_DATA_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("scripts/fetch-starter-data.sh"))) {
      dir = dir.getParent();
    }
    return (dir != null ? dir : Path.of("").toAbsolutePath()).resolve(".cache/dlib");
  }

  static List<LabelledFace> heldOut() {
    return ClipBuilder.starterHeldOut(cacheDir());
  }

  /** The faces of the n-th distinct photo. */
  static List<LabelledFace> photo(int n) {
    List<Path> photos = heldOut().stream().map(LabelledFace::image).distinct().toList();
    Path image = photos.get(n);
    return heldOut().stream().filter(f -> f.image().equals(image)).toList();
  }
}
