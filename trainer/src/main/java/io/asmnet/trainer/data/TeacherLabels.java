package io.asmnet.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the committed teacher labels ({@link StarterDataset#TEACHER_XML}, made by {@code
 * scripts/teacher-labels/run.sh}) and points their image paths into a dlib examples folder. Faces
 * whose photo is not there are dropped with a single warning.
 */
final class TeacherLabels {
  private static final Logger LOG = LoggerFactory.getLogger(TeacherLabels.class);

  private TeacherLabels() {}

  /** The teacher-labelled faces (subset {@link StarterDataset#TRAIN_TEACHER}) found in examples. */
  static List<LabelledFace> load(Path examples) {
    List<LabelledFace> all = loadAll(examples);
    List<LabelledFace> present = new ArrayList<>(all.size());
    List<Path> missing = new ArrayList<>();
    for (LabelledFace face : all) {
      if (Files.isRegularFile(face.image())) {
        present.add(face);
      } else if (!missing.contains(face.image())) {
        missing.add(face.image());
      }
    }
    if (!missing.isEmpty()) {
      LOG.warn(
          "Skipping {} of {} teacher-labelled faces: {} photos missing under {} (first: {})",
          all.size() - present.size(),
          all.size(),
          missing.size(),
          examples,
          missing.get(0));
    }
    return present;
  }

  /** Every face of the resource, image paths resolved against examples, present or not. */
  static List<LabelledFace> loadAll(Path examples) {
    Path base = examples.toAbsolutePath().normalize();
    try {
      // DlibXmlLoader reads files and resolves images against the XML's folder: give it a copy
      // in a folder of its own, then move the paths from that folder to the examples folder.
      Path folder = Files.createTempDirectory("asmnet-teacher");
      Path xml = folder.resolve(StarterDataset.TEACHER_XML);
      try {
        String name = StarterDataset.TEACHER_XML;
        try (InputStream in = StarterDataset.class.getResourceAsStream(name)) {
          if (in == null) {
            throw new IllegalStateException("classpath resource " + name + " is missing");
          }
          Files.copy(in, xml);
        }
        List<LabelledFace> faces = new ArrayList<>();
        for (LabelledFace f : DlibXmlLoader.load(xml, StarterDataset.TRAIN_TEACHER)) {
          Path image = base.resolve(folder.relativize(f.image())).normalize();
          if (!image.startsWith(base)) {
            throw new IllegalStateException("teacher label leaves the examples folder: " + image);
          }
          faces.add(new LabelledFace(image, f.landmarks(), f.pose(), f.subset()));
        }
        return faces;
      } finally {
        Files.deleteIfExists(xml);
        Files.deleteIfExists(folder);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the teacher labels: " + e.getMessage(), e);
    }
  }
}
