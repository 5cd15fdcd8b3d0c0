package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.StarterDataset;
import io.asmnet.trainer.eval.Nme;
import io.asmnet.trainer.teacher.FusedFace;
import io.asmnet.trainer.teacher.TeacherLabel;
import io.asmnet.trainer.tfjs.TfjsModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code trainer label} on a few of dlib's photos, with the real FaceMesh, BlazeFace and ONNX
 * Runtime: dlib-labelled faces are fused, a photo under another root name (so no dlib labels)
 * (copies, so no dlib label) is found by BlazeFace and labelled by FaceMesh alone, a photo of dogs
 * yields no face, and two runs write the same bytes.
 */
class LabelCommandTest {
  private static final String HELD_OUT_PHOTO = "faces/2008_002470.jpg";
  private static final String JOHN = "johns/John_Simm/000288_00470387.jpg";

  @Test
  void shouldFuseDlibFacesLabelOthersWithFaceMeshAloneAndRepeatItself(@TempDir Path dir)
      throws Exception {
    Path examples = examples();
    // copies, so that no dlib label (keyed by file) reaches them
    Path plain = dir.resolve("plain");
    Files.createDirectories(plain.resolve("johns/John_Simm"));
    Files.createDirectories(plain.resolve("faces"));
    Files.copy(examples.resolve(JOHN), plain.resolve(JOHN));
    Files.copy(examples.resolve("faces/dogs.jpg"), plain.resolve("faces/dogs.jpg"));
    Path manifest = dir.resolve("sources.tsv");
    Files.writeString(
        manifest,
        String.join(
            "\n",
            "# a few of dlib's photos",
            "dlib:" + HELD_OUT_PHOTO + "\tsomeone\theldout",
            "plain:" + JOHN + "\tjohn-simm\ttrain",
            "plain:faces/dogs.jpg\tdogs\ttrain",
            ""));
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    StringWriter out = new StringWriter();

    assertThat(run(out, manifest, examples, plain, a)).isZero();
    assertThat(run(new StringWriter(), manifest, examples, plain, b)).isZero();

    List<TeacherLabel> labels = Files.readAllLines(a).stream().map(TeacherLabel::fromJson).toList();
    StarterDataset.Splits splits = StarterDataset.load(examples);
    List<LabelledFace> dlibThere =
        splits.heldOut().stream().filter(f -> f.image().endsWith(HELD_OUT_PHOTO)).toList();
    List<TeacherLabel> fused =
        labels.stream().filter(l -> l.image().equals("dlib:" + HELD_OUT_PHOTO)).toList();
    assertThat(fused).hasSize(dlibThere.size());
    for (int i = 0; i < fused.size(); i++) {
      FusedFace f = fused.get(i).label();
      assertThat(f.teachers()).containsExactly(FusedFace.FACEMESH, FusedFace.DLIB);
      assertThat(f.disagreement()).isLessThanOrEqualTo(0.1);
      // the mean of two labels at most 0.1 apart lies within half of that of each
      assertThat(Nme.of(f.points(), dlibThere.get(i).landmarks())).isLessThanOrEqualTo(0.05 + 1e-4);
      assertThat(fused.get(i).split()).isEqualTo("heldout");
    }
    List<TeacherLabel> john =
        labels.stream().filter(l -> l.image().equals("plain:" + JOHN)).toList();
    assertThat(john).hasSize(1);
    assertThat(john.get(0).label().teachers()).containsExactly(FusedFace.FACEMESH);
    LabelledFace johnByDlib =
        splits.train().stream().filter(f -> f.image().endsWith(JOHN)).findFirst().orElseThrow();
    assertThat(Nme.of(john.get(0).label().points(), johnByDlib.landmarks())).isLessThan(0.1);
    assertThat(labels).noneMatch(l -> l.image().endsWith("dogs.jpg"));
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(out.toString())
        .contains("someone")
        .contains(dlibThere.size() + 1 + " faces labelled in 3 images");
  }

  @Test
  void shouldLabelAFolderNamingPersonsByTheirSubfolder(@TempDir Path dir) throws Exception {
    Path examples = examples();
    Path folder = dir.resolve("photos");
    Files.createDirectories(folder.resolve("john-simm"));
    Files.copy(examples.resolve(JOHN), folder.resolve("john-simm/a.jpg"));
    Files.writeString(folder.resolve("notes.txt"), "not a photo");
    Path file = dir.resolve("labels.jsonl");
    CommandLine cli = new CommandLine(new TrainerCommand());
    cli.setOut(new PrintWriter(new StringWriter(), true));

    int code =
        cli.execute(
            "label",
            "--folder",
            folder.toString(),
            "--split",
            "heldout",
            "--facemesh",
            TfjsModels.humanModel("facemesh").toString(),
            "--detector",
            detector(),
            "--no-progress",
            "--out",
            file.toString());

    assertThat(code).isZero();
    List<TeacherLabel> labels =
        Files.readAllLines(file).stream().map(TeacherLabel::fromJson).toList();
    assertThat(labels)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.image()).isEqualTo("folder:john-simm/a.jpg");
              assertThat(l.person()).isEqualTo("john-simm");
              assertThat(l.split()).isEqualTo("heldout");
            });
  }

  private static String detector() {
    return Path.of("")
        .toAbsolutePath()
        .getParent()
        .resolve("models/blazeface/face_detection_back_256x256_barracuda.onnx")
        .toString();
  }

  private static int run(StringWriter out, Path manifest, Path examples, Path plain, Path file)
      throws Exception {
    CommandLine cli = new CommandLine(new TrainerCommand());
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(
        "label",
        "--manifest",
        manifest.toString(),
        "--root",
        "dlib=" + examples,
        "--root",
        "plain=" + plain,
        "--facemesh",
        TfjsModels.humanModel("facemesh").toString(),
        "--detector",
        detector(),
        "--no-progress",
        "--out",
        file.toString());
  }

  private static Path examples() {
    Path image = TfjsModels.dlibHeldOutFaces().get(0).image();
    return image.getParent().getParent(); // examples/faces/x.jpg
  }
}
