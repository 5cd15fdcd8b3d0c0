package io.asmnet.trainer.teacher;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.eval.Nme;
import java.util.List;
import java.util.Optional;

/**
 * Fuses the mapped FaceMesh points with dlib's 68-point predictor: where both saw the face and
 * agree within {@value #MAX_DISAGREEMENT} NME (normalised by dlib's outer-eye-corner distance), the
 * label is their mean; where they disagree more, the face is dropped (one of them is wrong and we
 * cannot tell which); with FaceMesh alone (dlib found no face) the mesh points stand. The pose
 * always comes from the mesh. Stateless.
 */
public final class TeacherFusion {
  /** Largest NME between the teachers for a face to be kept. */
  public static final double MAX_DISAGREEMENT = 0.1;

  /**
   * @param mesh68 mapped FaceMesh points (136 floats)
   * @param pose the mesh pose
   * @param dlibOrNull dlib's points for the same face, or null
   * @return the label, or empty when the teachers disagree
   */
  public Optional<FusedFace> fuse(float[] mesh68, HeadPose pose, float[] dlibOrNull) {
    if (dlibOrNull == null) {
      return Optional.of(new FusedFace(mesh68, pose, List.of(FusedFace.FACEMESH), Double.NaN));
    }
    double nme = Nme.of(mesh68, dlibOrNull);
    if (!(nme <= MAX_DISAGREEMENT)) {
      return Optional.empty();
    }
    float[] mean = new float[mesh68.length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (mesh68[i] + dlibOrNull[i]) / 2;
    }
    return Optional.of(new FusedFace(mean, pose, List.of(FusedFace.FACEMESH, FusedFace.DLIB), nme));
  }

  /** NME between the teachers (for reporting dropped faces). */
  public static double disagreement(float[] mesh68, float[] dlib) {
    return Nme.of(mesh68, dlib);
  }
}
