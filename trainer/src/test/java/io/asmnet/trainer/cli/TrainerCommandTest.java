package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainerCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldExportRepeatableUntrainedModels(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.onnx");
    Path b = dir.resolve("b.onnx");
    Path c = dir.resolve("c.onnx");
    assertThat(
            run(
                new TrainerCommand(),
                "export",
                "--untrained",
                "--seed",
                "3",
                "--out",
                a.toString()))
        .isZero();
    assertThat(
            run(
                new TrainerCommand(),
                "export",
                "--untrained",
                "--seed",
                "3",
                "--out",
                b.toString()))
        .isZero();
    assertThat(
            run(
                new TrainerCommand(),
                "export",
                "--untrained",
                "--seed",
                "4",
                "--out",
                c.toString()))
        .isZero();
    assertThat(out.toString()).contains("wrote " + a);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
  }

  @Test
  void shouldExportTheCropMarginAndStampItOntoAnExistingModel(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("m.onnx");
    Path restamped = dir.resolve("r.onnx");
    assertThat(
            run(
                new TrainerCommand(),
                "export",
                "--untrained",
                "--crop-margin",
                "0.2",
                "--out",
                model.toString()))
        .isZero();
    assertThat(new String(Files.readAllBytes(model), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("asmnet.crop.margin")
        .contains("0.2");

    assertThat(
            run(
                new TrainerCommand(),
                "stamp-contract",
                model.toString(),
                "--crop-margin",
                "0.3",
                "--out",
                restamped.toString()))
        .isZero();

    assertThat(out.toString()).contains("wrote " + restamped).contains("asmnet.crop.margin=0.3");
    assertThat(Files.size(restamped))
        .isEqualTo(Files.size(model)); // the same keys, one digit changed
    assertThat(run(new TrainerCommand(), "stamp-contract", dir.resolve("none.onnx").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void shouldAskForACheckpointOrUntrained(@TempDir Path dir) {
    assertThat(run(new TrainerCommand(), "export", "--out", dir.resolve("m.onnx").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--checkpoint").contains("--untrained");
  }

  @Test
  void shouldSayWhatIsMissingForAnEmptyCheckpointFolder(@TempDir Path dir) {
    int code =
        run(
            new TrainerCommand(),
            "export",
            "--checkpoint",
            dir.toString(),
            "--out",
            dir.resolve("m.onnx").toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("training-state.json");
  }

  @Test
  void shouldRejectAnUnknownDataSet(@TempDir Path dir) {
    int code = run(new TrainerCommand(), "train", "--data", "imagenet", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown data set 'imagenet'").contains("wflw:ANNOTATIONS");
  }

  @Test
  void shouldSayWhichAnnotationFileIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("nope.xml");
    int code =
        run(
            new TrainerCommand(),
            "train",
            "--data",
            "dlib:" + missing,
            "--val",
            "none",
            "--out",
            dir.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("nope.xml");
  }
}
