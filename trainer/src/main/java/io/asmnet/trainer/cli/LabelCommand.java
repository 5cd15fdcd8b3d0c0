package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.DlibXmlLoader;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.StarterDataset;
import io.asmnet.trainer.teacher.BlazeFaceBoxes;
import io.asmnet.trainer.teacher.FaceLabeller;
import io.asmnet.trainer.teacher.FaceMesh;
import io.asmnet.trainer.teacher.FaceSource;
import io.asmnet.trainer.teacher.LabelRun;
import io.asmnet.trainer.teacher.MeshTeacherFile;
import io.asmnet.trainer.teacher.TeacherLabel;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainer label}: teacher labels (68 points, mesh pose, which teachers agreed) for the
 * photos and sampled video frames of a face-source manifest, as JSON Lines. Teachers: FaceMesh
 * mapped to 68 points, fused with dlib's 68-point predictor where dlib labelled the face (the
 * starter set's labels for {@code dlib:} photos, {@code --dlib} files for others). Deterministic.
 */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description =
        "Teacher-labels faces (FaceMesh mapped to 68 points, fused with dlib where it labelled them; pose from the mesh) as JSON Lines.")
public final class LabelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--manifest",
      description = "face-source manifest (default: the committed " + FaceSource.RESOURCE + ")")
  Path manifest;

  @Option(
      names = "--folder",
      description =
          "instead of a manifest: every photo and video under DIR (root 'folder'; "
              + "person = the file's folder name; split --split; videos every --stride frames)")
  Path folder;

  @Option(
      names = "--split",
      defaultValue = FaceSource.TRAIN,
      description = "split of --folder's faces (default ${DEFAULT-VALUE})")
  String split;

  @Option(
      names = "--stride",
      defaultValue = "20",
      description = "video frame stride for --folder (default ${DEFAULT-VALUE})")
  int stride;

  @Option(
      names = "--root",
      description =
          "folder of a manifest root, NAME=DIR (defaults: dlib=.cache/dlib/"
              + "usr/share/doc/libdlib19.1/examples, faces=.cache/faces)")
  Map<String, Path> roots = new LinkedHashMap<>();

  @Option(
      names = "--dlib",
      description =
          "dlib imglab XML of dlib's predictor on manifest photos (image paths relative to the XML's folder); repeatable")
  List<Path> dlibFiles = new ArrayList<>();

  @Option(
      names = "--facemesh",
      defaultValue = ".cache/npm/human/package/models/facemesh.json",
      description = "FaceMesh TFJS model.json (default ${DEFAULT-VALUE})")
  Path facemesh;

  @Option(
      names = "--detector",
      defaultValue = "models/blazeface/face_detection_back_256x256_barracuda.onnx",
      description =
          "BlazeFace ONNX for faces dlib did not label; 'none' to label dlib's faces only (default ${DEFAULT-VALUE})")
  String detector;

  @Option(names = "--out", description = "JSON Lines file to write (required unless --frames-only)")
  Path out;

  @Option(
      names = "--frames-only",
      description =
          "only sample the videos' frames and print every image key (ROOT:PATH), one a line")
  boolean framesOnly;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      description = "progress bar on stderr (default on)")
  boolean progress;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Map<String, Path> folders =
        new HashMap<>(
            Map.of(
                "dlib",
                    StarterDataset.defaultCacheDir().resolve("usr/share/doc/libdlib19.1/examples"),
                "faces", Path.of(".cache", "faces")));
    folders.putAll(roots);
    if (folder != null && manifest != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give --manifest or --folder, not both");
    }
    if (folder != null) {
      folders.put("folder", folder);
    }
    List<FaceSource> sources =
        folder != null
            ? FaceSource.ofFolder(folder, "folder", split, stride)
            : manifest == null ? FaceSource.load() : FaceSource.read(manifest);
    LabelRun run = new LabelRun(folders);
    List<LabelRun.Item> items = run.items(sources);
    if (framesOnly) {
      items.forEach(i -> o.println(i.image()));
      return 0;
    }
    if (out == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out is required");
    }
    Map<Path, List<float[]>> dlib = dlibFaces(sources, folders);
    LabelRun.Result result;
    try (FaceMesh mesh = FaceMesh.open(facemesh, 1);
        BlazeFaceBoxes boxes =
            "none".equals(detector) ? null : new BlazeFaceBoxes(Path.of(detector))) {
      result =
          run.label(items, new FaceLabeller(mesh, boxes, MeshTeacherFile.load()), dlib, progress);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (TeacherLabel l : result.labels()) {
        w.write(l.toJson());
        w.write('\n');
      }
    }
    o.printf(
        "%-28s %-8s %6s %6s %9s %8s %7s%n",
        "person", "split", "images", "fused", "mesh-only", "disagree", "no-mesh");
    for (LabelRun.Tally t : result.tallies()) {
      o.printf(
          "%-28s %-8s %6d %6d %9d %8d %7d%n",
          t.person(),
          t.split(),
          t.images(),
          t.fates().getOrDefault(FaceLabeller.Fate.FUSED, 0),
          t.fates().getOrDefault(FaceLabeller.Fate.MESH_ONLY, 0),
          t.fates().getOrDefault(FaceLabeller.Fate.DISAGREE, 0),
          t.fates().getOrDefault(FaceLabeller.Fate.NO_MESH, 0));
    }
    o.printf("%d faces labelled in %d images -> %s%n", result.labels().size(), items.size(), out);
    return 0;
  }

  /**
   * dlib's faces per photo: the starter set's labels (when a dlib root is used) and --dlib files.
   */
  private Map<Path, List<float[]>> dlibFaces(List<FaceSource> sources, Map<String, Path> folders) {
    List<LabelledFace> faces = new ArrayList<>();
    if (sources.stream().anyMatch(s -> s.root().equals("dlib"))) {
      StarterDataset.Splits splits = StarterDataset.load(folders.get("dlib"));
      faces.addAll(splits.train());
      faces.addAll(splits.heldOut());
    }
    for (Path xml : dlibFiles) {
      faces.addAll(DlibXmlLoader.load(xml));
    }
    Map<Path, List<float[]>> byImage = new HashMap<>();
    for (LabelledFace f : faces) {
      byImage
          .computeIfAbsent(f.image().toAbsolutePath().normalize(), k -> new ArrayList<>())
          .add(f.landmarks());
    }
    return byImage;
  }
}
