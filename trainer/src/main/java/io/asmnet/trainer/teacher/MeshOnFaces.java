package io.asmnet.trainer.teacher;

import ai.onnxruntime.OrtException;
import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs FaceMesh on labelled faces, each cropped by {@link MeshCrop#aroundPoints} from its own
 * labels (one batch per photo), and pairs each mesh with those labels. Faces whose face flag is
 * below {@value #MIN_FACE_FLAG} are left out (the network says it sees no face there).
 */
public final class MeshOnFaces {
  /** FaceMesh face-flag threshold for a usable mesh. */
  public static final float MIN_FACE_FLAG = 0.5f;

  private final FaceMesh mesh;
  private final ImageCache images;

  public MeshOnFaces(FaceMesh mesh, ImageCache images) {
    this.mesh = mesh;
    this.images = images;
  }

  public List<MappingLearner.Pair> pairs(List<LabelledFace> faces) throws OrtException {
    Map<Path, List<LabelledFace>> byImage = new LinkedHashMap<>();
    for (LabelledFace f : faces) {
      byImage.computeIfAbsent(f.image(), k -> new ArrayList<>()).add(f);
    }
    List<MappingLearner.Pair> out = new ArrayList<>();
    for (Map.Entry<Path, List<LabelledFace>> e : byImage.entrySet()) {
      List<MeshCrop> crops =
          e.getValue().stream().map(f -> MeshCrop.aroundPoints(f.landmarks())).toList();
      List<Mesh> meshes = mesh.run(images.get(e.getKey()), crops);
      for (int i = 0; i < meshes.size(); i++) {
        if (meshes.get(i).faceFlag() >= MIN_FACE_FLAG) {
          out.add(new MappingLearner.Pair(meshes.get(i), e.getValue().get(i).landmarks()));
        }
      }
    }
    return out;
  }
}
