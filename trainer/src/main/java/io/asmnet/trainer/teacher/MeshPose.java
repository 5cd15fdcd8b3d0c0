package io.asmnet.trainer.teacher;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.PoseConvention;

/**
 * Head pose from a mesh's 3-D points: the rigid (similarity) fit of all 468 vertices of the {@link
 * CanonicalMesh} onto the mesh, decomposed in the project's convention ({@link PoseConvention}:
 * degrees, yaw positive turning to the face's left / image right, pitch positive looking up, roll
 * positive clockwise). FaceMesh's points are close to an orthographic projection of the face, so
 * the fit needs no camera model. Stateless.
 */
public final class MeshPose {
  private final CanonicalMesh canonical;

  public MeshPose(CanonicalMesh canonical) {
    this.canonical = canonical;
  }

  public HeadPose of(Mesh mesh) {
    SimilarityFit fit = SimilarityFit.of(canonical.xyz(), CanonicalMesh.toDouble(mesh.xyz()));
    return PoseConvention.fromMatrix(fit.rotation());
  }
}
