package io.asmnet.trainer.teacher;

import io.asmnet.trainer.data.LabelledFace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a teacher-label file ({@link TeacherLabel} lines; by default the committed {@value
 * #RESOURCE}) as training faces: each face with its fused 68 points and its mesh pose, its {@code
 * ROOT:PATH} resolved against the given root folders, subset {@value #PHOTOS} for stills and
 * {@value #VIDEO} for frames sampled from a video (eval reports them apart: a video's frames of one
 * person are many faces but one face). Faces whose photo (or sampled frame: run {@code trainer
 * label --frames-only}) is not there are skipped with one warning.
 */
public final class TeacherDataset {
  /** Classpath resource (next to this class) of the committed labels. */
  public static final String RESOURCE = "teacher_labels.jsonl";

  private static final Logger LOG = LoggerFactory.getLogger(TeacherDataset.class);

  private TeacherDataset() {}

  /** Subset of still photos. */
  public static final String PHOTOS = "teacher-photos";

  /** Subset of video frames. */
  public static final String VIDEO = "teacher-video";

  /**
   * @param fileOrNull a label file, or null for the committed one
   * @param roots folder of each root name
   * @param split {@code train} or {@code heldout}
   */
  public static List<LabelledFace> load(Path fileOrNull, Map<String, Path> roots, String split) {
    List<TeacherLabel> labels = read(fileOrNull);
    List<LabelledFace> faces = new ArrayList<>();
    int missing = 0;
    Path firstMissing = null;
    for (TeacherLabel l : labels) {
      if (!l.split().equals(split)) {
        continue;
      }
      int colon = l.image().indexOf(':');
      String root = l.image().substring(0, colon);
      Path folder = roots.get(root);
      if (folder == null) {
        throw new IllegalArgumentException("no folder for root '" + root + "' of " + l.image());
      }
      Path image = folder.resolve(l.image().substring(colon + 1)).normalize();
      if (!Files.isRegularFile(image)) {
        missing++;
        firstMissing = firstMissing == null ? image : firstMissing;
        continue;
      }
      faces.add(
          new LabelledFace(
              image,
              l.label().points(),
              l.label().pose(),
              l.video() != null ? VIDEO : PHOTOS,
              l.person()));
    }
    if (missing > 0) {
      LOG.warn(
          "Skipping {} teacher-labelled faces whose image is missing (first: {}); "
              + "fetch with scripts/fetch-face-data.sh and sample frames with 'trainer label --frames-only'",
          missing,
          firstMissing);
    }
    return faces;
  }

  static List<TeacherLabel> read(Path fileOrNull) {
    try (InputStream in =
        fileOrNull == null
            ? TeacherDataset.class.getResourceAsStream(RESOURCE)
            : Files.newInputStream(fileOrNull)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      List<TeacherLabel> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(TeacherLabel.fromJson(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read teacher labels "
              + (fileOrNull == null ? RESOURCE : fileOrNull)
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
