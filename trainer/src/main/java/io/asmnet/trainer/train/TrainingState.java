package io.asmnet.trainer.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint records besides the weights: progress and per-epoch figures.
 *
 * @param points landmarks per face (68)
 * @param epochsDone completed epochs
 * @param totalEpochs the run's l
 * @param loss "asm" or "mse"
 * @param trainSamples training crops per epoch
 * @param epochLoss mean training loss of each completed epoch (network units)
 * @param validationNme inter-ocular NME (%) after each epoch, empty without a validation set
 * @param stepMillis mean wall time of a training step in each epoch
 */
public record TrainingState(
    int points,
    int epochsDone,
    int totalEpochs,
    String loss,
    int trainSamples,
    List<Double> epochLoss,
    List<Double> validationNme,
    List<Double> stepMillis) {
  static final String FILE = "training-state.json";

  public TrainingState {
    epochLoss = List.copyOf(epochLoss);
    validationNme = List.copyOf(validationNme);
    stepMillis = List.copyOf(stepMillis);
  }

  static TrainingState start(int points, TrainingOptions options, int trainSamples) {
    return new TrainingState(
        points,
        0,
        options.epochs(),
        options.asmLoss() ? "asm" : "mse",
        trainSamples,
        List.of(),
        List.of(),
        List.of());
  }

  /** The same progress in a run of {@code epochs} epochs (a resume may lengthen the run). */
  TrainingState extendedTo(int epochs) {
    return new TrainingState(
        points, epochsDone, epochs, loss, trainSamples, epochLoss, validationNme, stepMillis);
  }

  TrainingState next(double loss, Double nme, double millis) {
    List<Double> losses = new ArrayList<>(epochLoss);
    losses.add(loss);
    List<Double> nmes = new ArrayList<>(validationNme);
    if (nme != null) {
      nmes.add(nme);
    }
    List<Double> steps = new ArrayList<>(stepMillis);
    steps.add(millis);
    return new TrainingState(
        points, epochsDone + 1, totalEpochs, this.loss, trainSamples, losses, nmes, steps);
  }

  void save(Path dir) throws IOException {
    new ObjectMapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve(FILE).toFile(), this);
  }

  public static TrainingState load(Path dir) throws IOException {
    return new ObjectMapper().readValue(dir.resolve(FILE).toFile(), TrainingState.class);
  }
}
