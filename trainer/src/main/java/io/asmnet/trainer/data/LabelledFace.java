package io.asmnet.trainer.data;

import java.nio.file.Path;

/**
 * One labelled face as a data set gives it.
 *
 * @param image the photo it is in
 * @param landmarks 136 floats, x0, y0, ..., x67, y67, 0-based image pixels, iBUG 300-W order
 * @param pose the labelled pose, or null when the data set has none (then it is derived from the
 *     landmarks)
 * @param subset the split or subset name (train, test, common, challenging, ...)
 * @param person who the face is, as far as the data set says; where it does not, the photo (so
 *     faces of one photo count as one person, and no two photos as the same one)
 */
public record LabelledFace(
    Path image, float[] landmarks, HeadPose pose, String subset, String person) {
  public LabelledFace {
    if (landmarks.length != 136) {
      throw new IllegalArgumentException("expected 136 coordinates, got " + landmarks.length);
    }
    if (person == null || person.isBlank()) {
      throw new IllegalArgumentException("a face needs a person (or its photo) to group it by");
    }
  }

  /** A face of a data set that does not name persons: its photo stands for the person. */
  public LabelledFace(Path image, float[] landmarks, HeadPose pose, String subset) {
    this(image, landmarks, pose, subset, image.toString());
  }
}
