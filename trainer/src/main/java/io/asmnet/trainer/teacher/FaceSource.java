package io.asmnet.trainer.teacher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the face-source manifest ({@value #RESOURCE}, committed): a photo or video, which
 * person it shows and which split that person belongs to. The split is by person, never by frame:
 * every photo and frame of one person is in one split. Tab-separated: {@code ROOT:PATH PERSON SPLIT
 * [STRIDE]}, {@code #} starts a comment; ROOT names a folder given at run time ({@code dlib}:
 * dlib's examples folder, {@code faces}: scripts/fetch-face-data.sh's cache), so no local path is
 * committed. Videos (.mp4, .webm) are sampled every STRIDE frames.
 *
 * @param root the root's name
 * @param path relative to the root
 * @param person who it shows (one name per person across all sources)
 * @param split {@code train} or {@code heldout}
 * @param stride video frame stride (0 for photos)
 */
public record FaceSource(String root, String path, String person, String split, int stride) {
  public static final String RESOURCE = "face_sources.tsv";
  public static final String TRAIN = "train";
  public static final String HELD_OUT = "heldout";

  public FaceSource {
    if (!split.equals(TRAIN) && !split.equals(HELD_OUT)) {
      throw new IllegalArgumentException(path + ": split must be train or heldout, not " + split);
    }
    if (isVideo(path) != (stride > 0)) {
      throw new IllegalArgumentException(path + ": a video needs a stride >= 1, a photo none");
    }
  }

  /** The {@code ROOT:PATH} key. */
  public String key() {
    return root + ":" + path;
  }

  public boolean video() {
    return stride > 0;
  }

  static boolean isVideo(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".mp4") || p.endsWith(".webm");
  }

  /** The committed manifest. */
  public static List<FaceSource> load() {
    try (InputStream in = FaceSource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  public static List<FaceSource> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  /**
   * Rows for every photo (.jpg, .jpeg, .png) and video under a folder, in path order, under root
   * {@code root}: the person is the file's folder name (so {@code DIR/anna/1.jpg} is anna), every
   * row in {@code split}, videos sampled every {@code stride} frames.
   */
  public static List<FaceSource> ofFolder(Path folder, String root, String split, int stride)
      throws IOException {
    List<FaceSource> out = new ArrayList<>();
    try (var files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = folder.relativize(f).toString().replace('\\', '/');
        String lower = rel.toLowerCase(Locale.ROOT);
        boolean photo = lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
        if (photo || isVideo(rel)) {
          Path parent =
              f.getParent().equals(folder) ? folder.toAbsolutePath().normalize() : f.getParent();
          String person =
              parent.getFileName() == null ? "unknown" : parent.getFileName().toString();
          out.add(new FaceSource(root, rel, person, split, photo ? 0 : stride));
        }
      }
    }
    return out;
  }

  static List<FaceSource> parse(InputStream in, String name) throws IOException {
    List<FaceSource> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] f = text.split("\t+");
      int colon = f[0].indexOf(':');
      if (f.length < 3 || f.length > 4 || colon <= 0) {
        throw new IllegalArgumentException(
            name + ":" + lineNo + ": expected ROOT:PATH<TAB>PERSON<TAB>SPLIT[<TAB>STRIDE]");
      }
      int stride = f.length == 4 ? Integer.parseInt(f[3]) : 0;
      out.add(
          new FaceSource(f[0].substring(0, colon), f[0].substring(colon + 1), f[1], f[2], stride));
    }
    return out;
  }
}
