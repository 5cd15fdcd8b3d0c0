package io.asmnet.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starter data set: dlib's example faces from the Debian package {@code libdlib19.1}. Its label
 * files mark 43 faces in 9 PASCAL VOC photos with 68 points made by dlib's own landmark model
 * ({@code shape_predictor_68_face_landmarks.dat}, so the labels are machine-made): {@code
 * training_with_face_landmarks.xml} (18 faces in 4 photos, subset "train") and {@code
 * testing_with_face_landmarks.xml} (25 faces in 5 other photos, subset "heldout").
 *
 * <p>Training also gets the package's unlabelled faces (55 "johns" crops, {@code bald_guys.jpg},
 * {@code Tom_Cruise_avp_2014_4.jpg}: {@value #TEACHER_COUNT} faces, subset "train-teacher"),
 * labelled by the same dlib model with {@code scripts/teacher-labels/run.sh}; only those labels are
 * committed, as the classpath resource {@value #TEACHER_XML}, with photo paths relative to the
 * examples folder. The held-out set stays the 25 faces of the testing file, so no held-out photo is
 * trained on. Faces whose photo is missing (another package version) are skipped with one warning.
 * Enough to smoke-test the pipeline, far too small for a useful model. No photo is committed or
 * redistributed.
 *
 * <p>Fetching does what {@code scripts/fetch-starter-data.sh} does: {@code apt-get download
 * libdlib19.1} (after {@code apt-get update} if needed) and {@code dpkg -x} into the cache folder,
 * then gunzips the label files.
 */
public final class StarterDataset {
  /** Subset name of the training faces. */
  public static final String TRAIN = "train";

  /** Subset name of the held-out faces. */
  public static final String HELD_OUT = "heldout";

  /** Subset name of the teacher-labelled training faces. */
  public static final String TRAIN_TEACHER = "train-teacher";

  /** Faces in {@link #TEACHER_XML} as committed. */
  public static final int TEACHER_COUNT = 80;

  /** Classpath resource of the teacher labels (image paths relative to the examples folder). */
  public static final String TEACHER_XML = "teacher_with_face_landmarks.xml";

  static final String EXAMPLES = "usr/share/doc/libdlib19.1/examples";
  static final String TRAIN_XML = "faces/training_with_face_landmarks.xml";
  static final String TEST_XML = "faces/testing_with_face_landmarks.xml";
  private static final Logger LOG = LoggerFactory.getLogger(StarterDataset.class);
  private static final long COMMAND_TIMEOUT_S = 300;

  /** Training and held-out faces. */
  public record Splits(List<LabelledFace> train, List<LabelledFace> heldOut) {
    public Splits {
      train = List.copyOf(train);
      heldOut = List.copyOf(heldOut);
    }
  }

  private StarterDataset() {}

  /** {@code $ASMNET_DATA_DIR} if set, else {@code .cache/dlib} under the working folder. */
  public static Path defaultCacheDir() {
    String env = System.getenv("ASMNET_DATA_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(".cache", "dlib");
  }

  /** Fetches into the cache folder if needed, then loads the splits. */
  public static Splits fetchAndLoad(Path cacheDir) {
    return load(locateOrFetch(cacheDir));
  }

  /** The dlib examples folder inside the cache folder, unpacking the package there if absent. */
  public static Path locateOrFetch(Path cacheDir) {
    Path examples = cacheDir.resolve(EXAMPLES);
    if (!Files.isRegularFile(examples.resolve(TRAIN_XML))) {
      fetch(cacheDir);
      gunzipAll(examples);
    }
    if (!Files.isRegularFile(examples.resolve(TRAIN_XML))) {
      throw new IllegalStateException("libdlib19.1 unpacked but " + TRAIN_XML + " is missing");
    }
    return examples;
  }

  /** Loads both splits from an examples folder; training includes the teacher-labelled faces. */
  public static Splits load(Path examples) {
    List<LabelledFace> train =
        new ArrayList<>(DlibXmlLoader.load(examples.resolve(TRAIN_XML), TRAIN));
    train.addAll(TeacherLabels.load(examples));
    return new Splits(train, DlibXmlLoader.load(examples.resolve(TEST_XML), HELD_OUT));
  }

  private static void fetch(Path cacheDir) {
    try {
      Files.createDirectories(cacheDir);
      Path work = Files.createTempDirectory("asmnet-dlib");
      try {
        LOG.info("Downloading Debian package libdlib19.1 into {}", cacheDir);
        if (run(work, "apt-get", "download", "libdlib19.1") != 0) {
          run(work, "apt-get", "update", "-qq"); // a fresh machine may have no package lists
          if (run(work, "apt-get", "download", "libdlib19.1") != 0) {
            throw new IllegalStateException("apt-get download libdlib19.1 failed (see log)");
          }
        }
        Path deb = findDeb(work);
        if (run(work, "dpkg", "-x", deb.toString(), cacheDir.toAbsolutePath().toString()) != 0) {
          throw new IllegalStateException("dpkg -x " + deb + " failed (see log)");
        }
      } finally {
        deleteTree(work);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot fetch the starter data: " + e.getMessage(), e);
    }
  }

  private static int run(Path folder, String... command) throws IOException {
    Process process =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " timed out");
      }
      if (process.exitValue() != 0) {
        LOG.warn("{} exited {}: {}", String.join(" ", command), process.exitValue(), output);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }

  private static Path findDeb(Path folder) throws IOException {
    try (DirectoryStream<Path> debs = Files.newDirectoryStream(folder, "libdlib19.1_*.deb")) {
      for (Path deb : debs) {
        return deb;
      }
    }
    throw new IllegalStateException("apt-get download left no libdlib19.1_*.deb");
  }

  /** The package gzips some examples; the XML label files must be plain. */
  static void gunzipAll(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> gz = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(p -> p.toString().endsWith(".gz")).forEach(gz::add);
      for (Path file : gz) {
        String name = file.getFileName().toString();
        Path plain = file.resolveSibling(name.substring(0, name.length() - 3));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
            OutputStream out = Files.newOutputStream(plain)) {
          in.transferTo(out);
        }
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot gunzip examples in " + folder, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
