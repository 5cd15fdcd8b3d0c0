package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import io.asmnet.trainer.model.AsmNet;
import io.asmnet.trainer.model.ConvBnAct;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import io.asmnet.trainer.tfjs.TfjsModels;
import io.asmnet.trainer.train.Checkpoint;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train --init}: random stays the default; imagenet starts the backbone from Keras' weights.
 */
class TrainInitTest {
  private final TrainerCli cli = new TrainerCli();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void shouldDefaultToTheRandomStart() {
    TrainCommand train = new TrainCommand();
    new CommandLine(train).parseArgs("--out", "unused");
    assertThat(train.init).isEqualTo(TrainCommand.InitKind.random);
  }

  @Test
  void shouldSayHowToFetchAMissingImagenetModel(@TempDir Path dir) throws Exception {
    Path train = SyntheticFaceSet.write(dir, "train", 2, 2);
    int code =
        run(
            "train",
            "--data",
            "dlib:" + train,
            "--val",
            "none",
            "--out",
            dir.resolve("ckpt").toString(),
            "--init",
            "imagenet",
            "--imagenet-model",
            dir.resolve("absent.json").toString(),
            "--no-progress");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("scripts/fetch-tfjs-models.sh");
  }

  @Test
  @Timeout(300)
  void shouldStartTheBackboneFromKerasWeights(@TempDir Path dir) throws Exception {
    Path keras = TfjsModels.mobileNetV2();
    Path train = SyntheticFaceSet.write(dir, "train", 4, 2);
    Path checkpoint = dir.resolve("ckpt");
    assertThat(
            run(
                "train",
                "--data",
                "dlib:" + train,
                "--val",
                "none",
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
                "--init",
                "imagenet",
                "--imagenet-model",
                keras.toString()))
        .as(err.toString())
        .isZero();
    float[] expected =
        TfjsModelFile.read(keras).weight("block_15_project_BN/gamma").requireFloats();
    try (Model model = Checkpoint.load(checkpoint, Device.cpu())) {
      ConvBnAct project = AsmNet.backbone(model.getBlock()).blocks().get(15).layers().get(2);
      float[] gamma = project.norm().getParameters().get("gamma").getArray().toFloatArray();
      double worst = 0;
      for (int i = 0; i < gamma.length; i++) {
        worst = Math.max(worst, Math.abs(gamma[i] - expected[i]));
      }
      // one Adam step of 1e-3 from Keras' values (a random start has gamma = 1)
      assertThat(worst).isLessThan(0.01);
    }
  }
}
