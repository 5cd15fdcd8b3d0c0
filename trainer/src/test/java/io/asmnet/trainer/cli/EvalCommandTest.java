package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.trainer.eval.EvalReport;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  private final TrainerCli cli = new TrainerCli();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  /** A starter cache laid out like the unpacked Debian package, with synthetic faces. */
  private static Path fakeStarter(Path dir) throws Exception {
    Path faces = Files.createDirectories(dir.resolve("usr/share/doc/libdlib19.1/examples/faces"));
    SyntheticFaceSet.write(faces, "training_with_face_landmarks", 3, 5);
    SyntheticFaceSet.write(faces, "testing_with_face_landmarks", 2, 6);
    return dir;
  }

  @Test
  void shouldPrintTheStarterFolderAndItsSplits(@TempDir Path dir) throws Exception {
    Path cache = fakeStarter(dir);
    assertThat(run("fetch-data", "--starter-dir", cache.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(cache.resolve("usr/share/doc/libdlib19.1/examples").toAbsolutePath().toString())
        .contains("3 training faces, 2 held-out faces");
  }

  @Test
  void shouldScoreTheMeanShapeBaselineAndDrawAGrid(@TempDir Path dir) throws Exception {
    Path cache = fakeStarter(dir);
    Path report = dir.resolve("out/mean.json");
    Path grid = dir.resolve("out/mean.png");
    int code =
        run(
            "eval",
            "--mean-shape",
            "--starter-dir",
            cache.toString(),
            "--report",
            report.toString(),
            "--grid",
            grid.toString());
    assertThat(code).as(err.toString()).isZero();
    EvalReport read = EvalReport.readJson(report);
    assertThat(read.overall().faces()).isEqualTo(2);
    assertThat(read.subset("heldout").nme()).isGreaterThan(0).isLessThan(1);
    assertThat(out.toString()).contains("FR@0.1").contains("full");
    assertThat(Files.size(grid)).isGreaterThan(1_000L);
  }

  @Test
  void shouldScoreRolledCopiesOfEverySubsetWhereTheMeanShapeCannotFollow(@TempDir Path dir)
      throws Exception {
    Path cache = fakeStarter(dir);
    Path report = dir.resolve("rolled.json");
    assertThat(
            run(
                "eval",
                "--mean-shape",
                "--starter-dir",
                cache.toString(),
                "--report",
                report.toString()))
        .as(err.toString())
        .isZero();
    EvalReport read = EvalReport.readJson(report);
    assertThat(read.subset("heldout-rolled").faces()).isEqualTo(2);
    // turned by 30 degrees, the upright mean shape misses; its roll error is the turn itself
    assertThat(read.subset("heldout-rolled").nme())
        .isGreaterThan(read.subset("heldout").nme() + 0.1);
    assertThat(read.subset("heldout-rolled").rollMae()).isCloseTo(30, within(3.0));
    assertThat(out.toString())
        .contains("full-rolled")
        .contains("x mean")
        .contains("mean shape and pose of 3 faces of starter");

    out.getBuffer().setLength(0);
    assertThat(run("eval", "--mean-shape", "--starter-dir", cache.toString(), "--rolled", "0"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).doesNotContain("rolled");
  }

  @Test
  void shouldRefuseToScoreNothing(@TempDir Path dir) {
    assertThat(run("eval", "--mean-shape", "--data", "none")).isNotZero();
    assertThat(err.toString()).contains("no faces to evaluate");
    assertThat(run("eval", "--data", "none")).isEqualTo(2);
  }

  @Test
  @Timeout(300)
  void shouldTrainOnPhotosThenScoreTheCheckpointAndItsOnnxExportAlike(@TempDir Path dir)
      throws Exception {
    Path train = SyntheticFaceSet.write(dir, "train", 4, 2);
    Path val = SyntheticFaceSet.write(dir, "val", 3, 3);
    Path checkpoint = dir.resolve("ckpt");
    assertThat(
            run(
                "train",
                "--data",
                "dlib:" + train,
                "--val",
                "dlib:" + val,
                "--out",
                checkpoint.toString(),
                "--epochs",
                "1",
                "--batch-size",
                "4",
                "--max-batches",
                "1",
                "--augment",
                "light",
                "--no-progress",
                "--seed",
                "9"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("trained 1 epochs on 4 faces").contains("val NME");
    Path onnx = dir.resolve("m.onnx");
    assertThat(
            run(
                "export",
                "--checkpoint",
                checkpoint.toString(),
                "--out",
                onnx.toString(),
                "--eval",
                "nme=1.5"))
        .as(err.toString())
        .isZero();
    assertThat(Files.size(onnx)).isGreaterThan(5_000_000L);

    Path djlReport = dir.resolve("djl.json");
    Path onnxReport = dir.resolve("onnx.json");
    assertThat(
            run(
                "eval",
                "--checkpoint",
                checkpoint.toString(),
                "--data",
                "dlib:" + val,
                "--report",
                djlReport.toString()))
        .as(err.toString())
        .isZero();
    out.getBuffer().setLength(0);
    assertThat(
            run(
                "eval",
                "--model",
                onnx.toString(),
                "--data",
                "dlib:" + val,
                "--report",
                onnxReport.toString(),
                "--mean-of",
                "dlib:" + train))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("x mean")
        .contains("mean shape and pose of 4 faces of dlib:");
    EvalReport djl = EvalReport.readJson(djlReport);
    EvalReport ort = EvalReport.readJson(onnxReport);
    assertThat(djl.overall().faces()).isEqualTo(3);
    assertThat(djl.overall().nme()).isPositive();
    assertThat(ort.overall().nme()).isCloseTo(djl.overall().nme(), within(1e-4));
    assertThat(ort.overall().yawMae()).isCloseTo(djl.overall().yawMae(), within(1e-2));

    // The same weights under another contract are scored on the crops that contract names.
    Path wider = dir.resolve("wider.onnx");
    Path widerReport = dir.resolve("wider.json");
    assertThat(
            run(
                "export",
                "--checkpoint",
                checkpoint.toString(),
                "--out",
                wider.toString(),
                "--crop-margin",
                "0.3"))
        .as(err.toString())
        .isZero();
    assertThat(
            run(
                "eval",
                "--model",
                wider.toString(),
                "--data",
                "dlib:" + val,
                "--report",
                widerReport.toString()))
        .as(err.toString())
        .isZero();
    assertThat(Math.abs(EvalReport.readJson(widerReport).overall().nme() - djl.overall().nme()))
        .isGreaterThan(1e-3);
  }
}
