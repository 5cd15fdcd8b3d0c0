package io.asmnet.trainer.teacher;

import io.asmnet.trainer.data.HeadPose;
import java.util.List;

/**
 * One face's teacher label.
 *
 * @param points 136 floats, photo pixels, iBUG order: the mean of the teachers' points
 * @param pose from the mesh's 3-D points ({@link MeshPose})
 * @param teachers which teachers gave (and agreed on) the points: {@code facemesh}, {@code dlib}
 * @param disagreement NME between the teachers (dlib's inter-ocular distance), NaN with one teacher
 */
public record FusedFace(float[] points, HeadPose pose, List<String> teachers, double disagreement) {
  public static final String FACEMESH = "facemesh";
  public static final String DLIB = "dlib";

  public FusedFace {
    if (points.length != 136) {
      throw new IllegalArgumentException("expected 136 coordinates");
    }
    teachers = List.copyOf(teachers);
  }
}
