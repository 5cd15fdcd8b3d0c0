package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.StarterDataset;
import io.asmnet.trainer.teacher.CanonicalMesh;
import io.asmnet.trainer.teacher.FaceMesh;
import io.asmnet.trainer.teacher.MappingLearner;
import io.asmnet.trainer.teacher.MeshMapping;
import io.asmnet.trainer.teacher.MeshOnFaces;
import io.asmnet.trainer.teacher.MeshTeacherFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainer learn-mesh-map}: learns the FaceMesh 468 -> 68 mapping and the canonical mesh on
 * the starter training faces (dlib's labelled training file plus its teacher-labelled faces),
 * scores the mapping on dlib's held-out faces, and writes {@link MeshTeacherFile}. Deterministic.
 */
@Command(
    name = "learn-mesh-map",
    mixinStandardHelpOptions = true,
    description =
        "Learns the FaceMesh 468 -> 68 point mapping and mean mesh on dlib's training faces; prints its NME on dlib's held-out faces.")
public final class LearnMeshMapCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StarterDirOption starter;

  @Option(
      names = "--facemesh",
      defaultValue = ".cache/npm/human/package/models/facemesh.json",
      description =
          "FaceMesh TFJS model.json (scripts/fetch-tfjs-models.sh; default ${DEFAULT-VALUE})")
  Path facemesh;

  @Option(
      names = "--out",
      required = true,
      description =
          "JSON file to write (the committed one: "
              + "trainer/src/main/resources/io/asmnet/trainer/teacher/facemesh_68.json)")
  Path out;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "ONNX Runtime threads (default ${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() throws Exception {
    StarterDataset.Splits splits = StarterDataset.fetchAndLoad(starter.cache());
    PrintWriter o = spec.commandLine().getOut();
    try (FaceMesh mesh = FaceMesh.open(facemesh, threads)) {
      MeshOnFaces runner = new MeshOnFaces(mesh, new ImageCache(1L << 30));
      List<MappingLearner.Pair> train = runner.pairs(splits.train());
      List<MappingLearner.Pair> heldOut = runner.pairs(splits.heldOut());
      MeshMapping mapping = new MappingLearner().learn(train);
      CanonicalMesh canonical =
          CanonicalMesh.learn(train.stream().map(MappingLearner.Pair::mesh).toList(), mapping);
      double trainNme = MappingLearner.meanNme(mapping, train);
      double heldOutNme = MappingLearner.meanNme(mapping, heldOut);
      new MeshTeacherFile(mapping, canonical, train.size(), trainNme, heldOut.size(), heldOutNme)
          .write(out);
      o.printf(
          "mapping learned on %d of %d training faces: NME %.4f; held-out %d of %d faces: NME %.4f -> %s%n",
          train.size(),
          splits.train().size(),
          trainNme,
          heldOut.size(),
          splits.heldOut().size(),
          heldOutNme,
          out);
    }
    return 0;
  }
}
