package io.asmnet.trainer.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Averages the weights of a run's last epochs into a checkpoint of its own (stochastic weight
 * averaging over the low-rate tail of the schedule). One run's last epoch depends on where its last
 * few hundred noisy steps happened to stop; the mean of several nearby epochs does not, so runs
 * that differ only in their seed land closer together. Batch-norm running statistics are averaged
 * with the weights: in the tail the weights move little, so the averaged statistics still describe
 * the averaged net.
 */
public final class WeightAveraging {
  private static final Logger LOG = LoggerFactory.getLogger(WeightAveraging.class);

  /** Sub-folder of a checkpoint folder that {@link TrainingRun} writes the average into. */
  public static final String FOLDER = "averaged";

  private WeightAveraging() {}

  /**
   * Writes the mean of the parameter files of the last {@code epochs} epochs in {@code dir} as a
   * complete checkpoint in {@code out} (its ASM and training state copied from {@code dir}).
   *
   * @throws IOException when one of those epochs' parameter files is not there (a run keeps them
   *     only when trained with that many to average)
   */
  public static void average(Path dir, int epochs, Path out)
      throws IOException, MalformedModelException {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs to average must be positive, got " + epochs);
    }
    TrainingState state = TrainingState.load(dir);
    int last = state.epochsDone();
    int first = last - epochs + 1;
    if (first < 1) {
      throw new IllegalArgumentException(
          "cannot average the last " + epochs + " epochs of a run of " + last);
    }
    for (int e = first; e <= last; e++) {
      if (!Files.isRegularFile(dir.resolve(Checkpoint.paramsFile(e)))) {
        throw new IOException(
            "cannot average epochs "
                + first
                + "-"
                + last
                + " of "
                + dir
                + ": "
                + Checkpoint.paramsFile(e)
                + " is missing (train with --average-last "
                + epochs
                + " to keep it)");
      }
    }
    Files.createDirectories(out);
    // The last epoch's model stays open to receive the mean, so each file is loaded once.
    try (Model target = Checkpoint.load(dir, Device.cpu(), last)) {
      Map<String, double[]> sums = new LinkedHashMap<>();
      add(target, sums);
      for (int e = first; e < last; e++) {
        try (Model model = Checkpoint.load(dir, Device.cpu(), e)) {
          add(model, sums);
        }
      }
      for (Pair<String, Parameter> p : target.getBlock().getParameters()) {
        double[] sum = sums.get(p.getKey());
        if (sum == null) {
          continue;
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
          mean[i] = (float) (sum[i] / epochs);
        }
        p.getValue().getArray().set(FloatBuffer.wrap(mean));
      }
      target.setProperty("Epoch", Integer.toString(last));
      target.save(out, Checkpoint.PREFIX);
    }
    Files.copy(
        dir.resolve(Checkpoint.ASM_FILE),
        out.resolve(Checkpoint.ASM_FILE),
        StandardCopyOption.REPLACE_EXISTING);
    // The state goes last: its presence marks the checkpoint complete.
    Files.copy(
        dir.resolve(TrainingState.FILE),
        out.resolve(TrainingState.FILE),
        StandardCopyOption.REPLACE_EXISTING);
    LOG.info("averaged the weights of epochs {}-{} into {}", first, last, out);
  }

  /** Adds a model's float parameters (weights and batch-norm statistics) to {@code sums}. */
  private static void add(Model model, Map<String, double[]> sums) {
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      NDArray array = p.getValue().getArray();
      if (array.getDataType() != DataType.FLOAT32) {
        continue;
      }
      float[] values = array.toFloatArray();
      double[] sum = sums.computeIfAbsent(p.getKey(), k -> new double[values.length]);
      for (int i = 0; i < values.length; i++) {
        sum[i] += values[i];
      }
    }
  }
}
