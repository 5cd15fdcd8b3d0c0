package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.loss.AsmFitter;
import io.asmnet.trainer.model.KerasMobileNetV2Init;
import io.asmnet.trainer.model.MultiDepthBackbone;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import io.asmnet.trainer.train.TrainingOptions;
import io.asmnet.trainer.train.TrainingRun;
import io.asmnet.trainer.train.TrainingState;
import io.asmnet.trainer.train.WeightAveraging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainer train}: trains on labelled faces, checkpointing each epoch into {@code --out}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains ASMNet with ASM-LOSS (or --loss mse) and Adam; a checkpoint per epoch.")
public final class TrainCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

  enum LossKind {
    asm,
    mse
  }

  /** Where the backbone starts: random (the paper) or Keras' ImageNet MobileNetV2. */
  enum InitKind {
    random,
    imagenet
  }

  /** Where scripts/fetch-tfjs-models.sh puts nsfwjs' MobileNetV2, from the checkout root. */
  static final String IMAGENET_MODEL =
      ".cache/npm/nsfwjs/package/dist/models/mobilenet_v2/model.json";

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DATA",
      defaultValue = "starter",
      converter = DataSpec.Converter.class,
      description =
          "training faces: starter, dlib:FILE.xml, 300w:DIR, wflw:ANNOTATIONS[,IMAGEROOT], 300wlp:DIR (default ${DEFAULT-VALUE})")
  DataSpec data;

  @Option(
      names = "--val",
      paramLabel = "DATA",
      defaultValue = "starter-heldout",
      converter = DataSpec.Converter.class,
      description =
          "validation faces (NME per epoch), same forms or none (default ${DEFAULT-VALUE})")
  DataSpec val;

  @Mixin StarterDirOption starter;

  @Option(
      names = "--image-cache-mb",
      paramLabel = "MIB",
      defaultValue = "2048",
      description = "decoded photos kept in memory, MiB (default ${DEFAULT-VALUE})")
  long imageCacheMb;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "checkpoint folder")
  Path out;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "150",
      description = "default ${DEFAULT-VALUE}")
  int epochs;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "32",
      description = "default ${DEFAULT-VALUE}")
  int batchSize;

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      defaultValue = "1e-3",
      description = "Adam learning rate, default ${DEFAULT-VALUE}")
  float learningRate;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "default ${DEFAULT-VALUE}")
  long seed;

  @Option(
      names = "--loss",
      paramLabel = "LOSS",
      defaultValue = "asm",
      description = "asm or mse (ablation), default ${DEFAULT-VALUE}")
  LossKind loss;

  @Option(
      names = "--variance",
      paramLabel = "FRACTION",
      defaultValue = "" + AsmFitter.DEFAULT_VARIANCE,
      description = "ASM variance kept, default ${DEFAULT-VALUE}")
  double variance;

  @Option(
      names = "--l2",
      paramLabel = "WEIGHT",
      defaultValue = "0.01",
      description = "L2 on the dense heads, default ${DEFAULT-VALUE}")
  float l2;

  @Option(
      names = "--max-batches",
      paramLabel = "N",
      defaultValue = "0",
      description = "cut epochs to this many batches (0: all)")
  int maxBatches;

  @Option(
      names = "--augment",
      paramLabel = "MODE",
      defaultValue = "published",
      description =
          "training augmentation: published (ASMNet's), light (milder, centred; for tiny sets), strong (real video: +-45 deg roll, detector framing error, blur, JPEG, low resolution, occlusion) or none (default ${DEFAULT-VALUE})")
  AugmentMode augment;

  @Option(
      names = "--init",
      paramLabel = "FROM",
      defaultValue = "random",
      description =
          "backbone start: random (the paper's) or imagenet (Keras MobileNetV2 up to block 15, see --imagenet-model) (default ${DEFAULT-VALUE})")
  InitKind init;

  @Option(
      names = "--imagenet-model",
      paramLabel = "FILE.json",
      defaultValue = IMAGENET_MODEL,
      description =
          "TFJS layers model.json of Keras' MobileNetV2 for --init imagenet; scripts/fetch-tfjs-models.sh fetches it (default ${DEFAULT-VALUE})")
  Path imagenetModel;

  @Option(
      names = "--lr-decay",
      paramLabel = "SCHEDULE",
      defaultValue = "none",
      description =
          "none (a fixed rate, the paper's) or cosine (down to 2 % of --lr by the last epoch) (default ${DEFAULT-VALUE})")
  LrDecay lrDecay;

  /** Learning-rate schedules. */
  enum LrDecay {
    none,
    cosine
  }

  @Option(
      names = "--max-faces-per-person",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "the most faces of one person per epoch, a fresh random choice each epoch (a video's frames are one person); 0: all (default ${DEFAULT-VALUE})")
  int maxFacesPerPerson;

  @Option(
      names = "--average-last",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "also write the mean weights of the last N epochs to --out/"
              + WeightAveraging.FOLDER
              + " (a checkpoint to eval and export like any other; 0: none) (default ${DEFAULT-VALUE})")
  int averageLast;

  @Option(names = "--resume", description = "continue from the checkpoint in --out")
  boolean resume;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "PyTorch intra-op threads (0: engine default); 1 is far faster on busy shared cores")
  int threads;

  @Option(names = "--no-progress", negatable = false, description = "no progress bar")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    if (threads > 0) {
      // Read once when the engine starts, which is below: nothing has touched DJL yet.
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
    Path cache = starter.cache();
    List<LabelledFace> train = data.load(cache);
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training faces in " + data);
    }
    List<LabelledFace> validation = val.load(cache);
    SampleMaker maker = new SampleMaker(new ImageCache(imageCacheMb << 20));
    TrainingOptions options =
        new TrainingOptions(
            epochs,
            batchSize,
            learningRate,
            seed,
            loss == LossKind.asm,
            variance,
            l2,
            maxBatches,
            out,
            resume,
            !noProgress,
            lrDecay == LrDecay.cosine,
            averageLast);
    TrainingState state =
        new TrainingRun(options, backboneInit())
            .run(new AugmentingSource(train, validation, maker, seed, augment, maxFacesPerPerson));
    spec.commandLine()
        .getOut()
        .printf(
            "trained %d epochs on %d faces; last loss %.5f%s; checkpoint %s%n",
            state.epochsDone(),
            train.size(),
            state.epochLoss().get(state.epochLoss().size() - 1),
            state.validationNme().isEmpty()
                ? ""
                : String.format(
                    "; val NME %.2f %%",
                    state.validationNme().get(state.validationNme().size() - 1)),
            out);
    return 0;
  }

  private Consumer<MultiDepthBackbone> backboneInit() {
    if (init == InitKind.random) {
      return backbone -> {};
    }
    if (!Files.isRegularFile(imagenetModel)) {
      throw new IllegalArgumentException(
          "--init imagenet needs "
              + imagenetModel
              + ": run scripts/fetch-tfjs-models.sh (or pass --imagenet-model)");
    }
    TfjsModelFile keras = TfjsModelFile.read(imagenetModel);
    return backbone -> {
      int set = KerasMobileNetV2Init.apply(keras, backbone);
      LOG.info("backbone initialised from {} ({} parameter arrays)", imagenetModel, set);
    };
  }
}
