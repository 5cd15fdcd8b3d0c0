package io.asmnet.trainer.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.loss.AlphaSchedule;
import io.asmnet.trainer.loss.AsmFitter;
import io.asmnet.trainer.loss.AsmLoss;
import io.asmnet.trainer.loss.AsmOperator;
import io.asmnet.trainer.model.AsmNet;
import io.asmnet.trainer.model.MultiDepthBackbone;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains ASMNet with ASM-LOSS (or plain MSE) and Adam, writing a checkpoint after each epoch. Runs
 * on the first GPU the engine sees, else on the CPU.
 */
public final class TrainingRun {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

  /** Scale of the heads' initial random weights (see {@link AsmNet#startAtMeanShape}). */
  static final float HEAD_WEIGHT_SCALE = 0.1f;

  private final TrainingOptions options;
  private final Consumer<MultiDepthBackbone> backboneInit;

  /** A run whose backbone starts from DJL's random initialisation (the paper's start). */
  public TrainingRun(TrainingOptions options) {
    this(options, backbone -> {});
  }

  /**
   * A run whose fresh backbone is then set by {@code backboneInit} (e.g. {@link
   * io.asmnet.trainer.model.KerasMobileNetV2Init}); not applied when resuming.
   */
  public TrainingRun(TrainingOptions options, Consumer<MultiDepthBackbone> backboneInit) {
    this.options = options;
    this.backboneInit = backboneInit;
  }

  /** Runs the remaining epochs and returns the final state (also saved in the checkpoint). */
  public TrainingState run(SampleSource source) throws IOException, MalformedModelException {
    Engine engine = Engine.getInstance();
    engine.setRandomSeed((int) options.seed());
    Files.createDirectories(options.checkpointDir());
    boolean resuming = options.resume() && Checkpoint.exists(options.checkpointDir());
    List<Sample> first = source.train(0);
    AsmOperator asm =
        resuming
            ? Checkpoint.asm(options.checkpointDir())
            : AsmFitter.fit(Batches.shapes(first), options.varianceKept());
    TrainingState state =
        resuming
            ? TrainingState.load(options.checkpointDir()).extendedTo(options.epochs())
            : TrainingState.start(first.get(0).landmarks().length / 2, options, first.size());
    LOG.info(
        "{} training at epoch {}/{}; ASM keeps {} components ({} % of shape variance)",
        resuming ? "Resuming" : "Starting",
        state.epochsDone(),
        options.epochs(),
        asm.components().length,
        String.format("%.1f", 100 * asm.varianceKept()));
    Device device = engine.getDevices(1)[0];
    try (Model model = Model.newInstance(Checkpoint.PREFIX, device)) {
      Block net = AsmNet.create(state.points());
      model.setBlock(net);
      if (resuming) {
        model.load(options.checkpointDir(), Checkpoint.PREFIX);
      }
      AtomicInteger epoch = new AtomicInteger(state.epochsDone());
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(
                  new AsmLoss(new AlphaSchedule(options.epochs(), options.asmLoss()), epoch::get))
              .optOptimizer(Adam.builder().optLearningRateTracker(learningRates(epoch)).build())
              .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(options.batchSize(), 3, 224, 224));
        if (!resuming) {
          backboneInit.accept(AsmNet.backbone(net));
          AsmNet.startAtMeanShape(net, toFloats(asm.mean()), HEAD_WEIGHT_SCALE);
        }
        for (int e = state.epochsDone(); e < options.epochs(); e++) {
          epoch.set(e);
          long start = System.nanoTime();
          EpochLoss loss = trainEpoch(trainer, net, e == 0 ? first : source.train(e), asm, e);
          Double nme =
              source.validation().isEmpty()
                  ? null
                  : Validation.nme(trainer, source.validation(), options.batchSize());
          state = state.next(loss.mean(), nme, loss.stepMillis());
          Checkpoint.save(model, asm, state, options.checkpointDir(), options.averageLast());
          LOG.info(
              "epoch {}/{}: loss {} {}({} ms/step, {} s)",
              e + 1,
              options.epochs(),
              String.format("%.5f", loss.mean()),
              nme == null ? "" : String.format("val NME %.2f %% ", nme),
              Math.round(loss.stepMillis()),
              (System.nanoTime() - start) / 1_000_000_000);
        }
      }
    }
    if (options.averageLast() > 0) {
      WeightAveraging.average(
          options.checkpointDir(),
          Math.min(options.averageLast(), state.epochsDone()),
          options.checkpointDir().resolve(WeightAveraging.FOLDER));
    }
    return state;
  }

  /** Read per step from the epoch counter, so a resumed run continues the same schedule. */
  private Tracker learningRates(AtomicInteger epoch) {
    return options.cosineDecay()
        ? numUpdate -> options.learningRate(epoch.get())
        : Tracker.fixed(options.learningRate());
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** Mean loss over the epoch's steps and the mean step time. */
  record EpochLoss(double mean, double stepMillis) {}

  private EpochLoss trainEpoch(
      Trainer trainer, Block net, List<Sample> samples, AsmOperator asm, int epoch) {
    List<Sample> order = new ArrayList<>(samples);
    // One generator per epoch: a resumed run shuffles as the uninterrupted one would.
    Collections.shuffle(order, new Random(options.seed() * 1_000_003L + epoch));
    int batches = Math.max(1, order.size() / options.batchSize());
    if (options.maxBatchesPerEpoch() > 0) {
      batches = Math.min(batches, options.maxBatchesPerEpoch());
    }
    List<Double> losses = new ArrayList<>();
    long nanos = 0;
    try (Progress progress =
        Progress.of(options.progress(), "epoch " + (epoch + 1) + "/" + options.epochs(), batches)) {
      for (int b = 0; b < batches; b++) {
        List<Sample> batch =
            order.subList(
                b * options.batchSize(), Math.min(order.size(), (b + 1) * options.batchSize()));
        long t0 = System.nanoTime();
        losses.add(step(trainer, net, batch, asm));
        nanos += System.nanoTime() - t0;
        progress.step(String.format("loss %.5f", losses.get(losses.size() - 1)));
      }
    }
    double mean = losses.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new EpochLoss(mean, nanos / 1e6 / batches);
  }

  /** One optimiser step; returns the ASM-LOSS value (without the L2 term). */
  private double step(Trainer trainer, Block net, List<Sample> batch, AsmOperator asm) {
    try (NDManager manager = trainer.getManager().newSubManager()) {
      NDList inputs = Batches.inputs(manager, batch);
      NDList labels = Batches.labels(manager, batch, asm);
      float value;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList predictions = trainer.forward(inputs, labels);
        NDArray loss = trainer.getLoss().evaluate(labels, predictions);
        NDArray total = loss;
        if (options.denseL2() > 0) {
          List<NDArray> weights =
              List.of(
                  AsmNet.landmarkHead(net).getParameters().get("weight").getArray(),
                  AsmNet.poseHead(net).getParameters().get("weight").getArray());
          total = loss.add(Batches.sumOfSquares(manager, weights).mul(options.denseL2()));
        }
        collector.backward(total);
        value = loss.getFloat();
      }
      trainer.step();
      return value;
    }
  }
}
