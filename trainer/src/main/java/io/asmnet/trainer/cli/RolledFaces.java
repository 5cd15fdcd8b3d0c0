package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.Augmentation;
import io.asmnet.trainer.data.Degradation;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.data.SampleMaker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation crops per subset, plain or turned in the image plane: the mean shape cannot follow a
 * turned head, so these subsets show whether a model reads the face or recites an upright one.
 */
final class RolledFaces {
  static final String SUFFIX = "-rolled";

  private RolledFaces() {}

  /**
   * Crops per subset in first-seen order: plain when {@code degrees} is empty; else each face
   * {@code i} turned by {@code degrees[(i / 2) % n]}, clockwise for even {@code i}, and the subset
   * named with {@value #SUFFIX}.
   */
  static Map<String, List<Sample>> crops(
      List<LabelledFace> faces, SampleMaker maker, List<Double> degrees) {
    Map<String, List<Sample>> out = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (LabelledFace face : faces) {
      if (degrees.isEmpty()) {
        out.computeIfAbsent(face.subset(), s -> new ArrayList<>()).add(maker.make(face, null));
        continue;
      }
      int i = counts.merge(face.subset(), 1, Integer::sum) - 1;
      double angle = degrees.get((i / 2) % degrees.size()) * (i % 2 == 0 ? 1 : -1);
      Augmentation turn =
          new Augmentation(
              Math.toRadians(angle),
              1,
              1,
              new double[4],
              false,
              false,
              1,
              0,
              0,
              0,
              Degradation.none());
      out.computeIfAbsent(face.subset() + SUFFIX, s -> new ArrayList<>())
          .add(maker.make(face, turn, null));
    }
    return out;
  }

  /** The rolled subsets, or none when {@code degrees} is empty or only zeros. */
  static Map<String, List<Sample>> rolledOnly(
      List<LabelledFace> faces, SampleMaker maker, List<Double> degrees) {
    List<Double> turns =
        degrees == null ? List.of() : degrees.stream().filter(d -> d != 0).toList();
    return turns.isEmpty() ? Map.of() : crops(faces, maker, turns);
  }
}
