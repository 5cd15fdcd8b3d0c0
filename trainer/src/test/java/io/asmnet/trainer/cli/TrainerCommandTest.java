package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.train.SyntheticSamples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    assertThat(run(new TrainerCommand(), "export", "--untrained", "--seed", "3", "--out", a.toString())).isZero();
    assertThat(run(new TrainerCommand(), "export", "--untrained", "--seed", "3", "--out", b.toString())).isZero();
    assertThat(run(new TrainerCommand(), "export", "--untrained", "--seed", "4", "--out", c.toString())).isZero();
    assertThat(out.toString()).contains("wrote " + a);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
  }

  @Test
  void shouldAskForACheckpointOrUntrained(@TempDir Path dir) {
    assertThat(run(new TrainerCommand(), "export", "--out", dir.resolve("m.onnx").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--checkpoint").contains("--untrained");
  }

  @Test
  void shouldSayWhatIsMissingForAnEmptyCheckpointFolder(@TempDir Path dir) {
    int code = run(new TrainerCommand(), "export", "--checkpoint", dir.toString(), "--out", dir.resolve("m.onnx").toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("training-state.json");
  }

  @Test
  void shouldNameTheDataLoaderItWaitsFor(@TempDir Path dir) {
    int code = run(new TrainerCommand(), "train", "--train-xml", "x.xml", "--out", dir.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("io.asmnet.trainer.data.DlibXmlLoader");
  }

  @Test
  @Timeout(300)
  void shouldTrainFromLabelledFacesAndExportTheCheckpoint(@TempDir Path dir) throws Exception {
    List<Sample> samples = SyntheticSamples.make(4, new Random(2));
    List<LabelledFace> faces = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      faces.add(new LabelledFace(Path.of("face" + i + ".jpg"), samples.get(i).landmarks(), null, "train"));
    }
    List<Path> loaded = new ArrayList<>();
    DataWiring wiring =
        new DataWiring(
            file -> {
              loaded.add(file);
              return faces;
            },
            (face, rng) -> samples.get(faces.indexOf(face)));
    Path checkpoint = dir.resolve("ckpt");
    int code =
        run(new TrainCommand(wiring), "--train-xml", "train.xml", "--out", checkpoint.toString(), "--epochs", "1",
            "--batch-size", "4", "--max-batches", "1", "--no-progress", "--seed", "9");
    assertThat(code).as(err.toString()).isZero();
    assertThat(loaded).containsExactly(Path.of("train.xml"));
    assertThat(out.toString()).contains("trained 1 epochs on 4 faces");
    Path model = dir.resolve("model.onnx");
    code = run(new TrainerCommand(), "export", "--checkpoint", checkpoint.toString(), "--out", model.toString(), "--eval", "nme=1.5");
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.size(model)).isGreaterThan(5_000_000L);
  }
}
