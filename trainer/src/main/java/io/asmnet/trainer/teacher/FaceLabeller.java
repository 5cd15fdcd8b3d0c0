package io.asmnet.trainer.teacher;

import ai.onnxruntime.OrtException;
import io.asmnet.trainer.data.DecodedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Labels the faces of one photo with the teachers. Candidates: every face dlib labelled, cropped
 * for FaceMesh by {@link MeshCrop#aroundPoints} of dlib's points (the rule the mapping was learned
 * with), plus every BlazeFace box (when a detector is given) whose centre lies in no dlib face,
 * cropped from the box and then {@value #REFINE} times from the mapped points of the previous mesh
 * (MediaPipe's loop: the next region from the last landmarks). A candidate whose final mesh has a
 * face flag under {@link MeshOnFaces#MIN_FACE_FLAG} is dropped; the rest go through {@link
 * TeacherFusion}. A box whose refined mesh centres in a face already taken is a duplicate and is
 * skipped.
 */
public final class FaceLabeller {
  static final int REFINE = 2;

  /** Crop side over the BlazeFace box's longer side for the first mesh (then refined). */
  static final double BOX_TO_CROP = 1.6;

  /** What became of one candidate face. */
  public enum Fate {
    FUSED,
    MESH_ONLY,
    DISAGREE,
    NO_MESH
  }

  /** One candidate's result: the label unless dropped. */
  public record Outcome(Fate fate, Optional<FusedFace> label, double disagreement) {}

  private final FaceMesh mesh;
  private final BlazeFaceBoxes detectorOrNull;
  private final MeshMapping mapping;
  private final MeshPose pose;
  private final TeacherFusion fusion = new TeacherFusion();

  public FaceLabeller(FaceMesh mesh, BlazeFaceBoxes detectorOrNull, MeshTeacherFile teacher) {
    this.mesh = mesh;
    this.detectorOrNull = detectorOrNull;
    this.mapping = teacher.mapping();
    this.pose = new MeshPose(teacher.canonical());
  }

  /**
   * @param dlibFaces dlib's 68 points (136 floats) per face it found in the photo
   */
  public List<Outcome> label(DecodedImage photo, List<float[]> dlibFaces) throws OrtException {
    List<Outcome> out = new ArrayList<>();
    List<Mesh> meshes = mesh.run(photo, dlibFaces.stream().map(MeshCrop::aroundPoints).toList());
    for (int i = 0; i < meshes.size(); i++) {
      out.add(outcome(meshes.get(i), dlibFaces.get(i)));
    }
    if (detectorOrNull != null) {
      List<float[]> taken = new ArrayList<>(dlibFaces);
      for (BlazeFaceBoxes.Box box : detectorOrNull.detect(photo)) {
        if (taken.stream().anyMatch(d -> contains(d, box.cx(), box.cy()))) {
          continue;
        }
        Mesh m = refined(photo, box);
        if (m.faceFlag() >= MeshOnFaces.MIN_FACE_FLAG) {
          // Two boxes on one face (common on close-ups) converge to one mesh: keep the first.
          float[] points = mapping.apply(m);
          MeshCrop c = MeshCrop.aroundPoints(points);
          if (taken.stream().anyMatch(d -> contains(d, c.cx(), c.cy()))) {
            continue;
          }
          taken.add(points);
        }
        out.add(outcome(m, null));
      }
    }
    return out;
  }

  private Mesh refined(DecodedImage photo, BlazeFaceBoxes.Box box) throws OrtException {
    MeshCrop crop =
        new MeshCrop(box.cx(), box.cy(), BOX_TO_CROP * Math.max(box.width(), box.height()));
    Mesh m = mesh.run(photo, List.of(crop)).get(0);
    for (int i = 0; i < REFINE && m.faceFlag() >= MeshOnFaces.MIN_FACE_FLAG; i++) {
      m = mesh.run(photo, List.of(MeshCrop.aroundPoints(mapping.apply(m)))).get(0);
    }
    return m;
  }

  private Outcome outcome(Mesh m, float[] dlibOrNull) {
    if (m.faceFlag() < MeshOnFaces.MIN_FACE_FLAG) {
      return new Outcome(Fate.NO_MESH, Optional.empty(), Double.NaN);
    }
    float[] points = mapping.apply(m);
    Optional<FusedFace> fused = fusion.fuse(points, pose.of(m), dlibOrNull);
    double d = dlibOrNull == null ? Double.NaN : TeacherFusion.disagreement(points, dlibOrNull);
    Fate fate = fused.isEmpty() ? Fate.DISAGREE : dlibOrNull == null ? Fate.MESH_ONLY : Fate.FUSED;
    return new Outcome(fate, fused, d);
  }

  private static boolean contains(float[] xy, double x, double y) {
    float[] b = MeshCrop.bounds(xy);
    return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
  }
}
