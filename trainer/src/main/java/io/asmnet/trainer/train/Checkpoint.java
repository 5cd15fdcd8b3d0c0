package io.asmnet.trainer.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.asmnet.trainer.loss.AsmOperator;
import io.asmnet.trainer.model.AsmNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A checkpoint folder: {@code asmnet-NNNN.params} (DJL, one per epoch, NNNN = epochs done), {@code
 * asm.json} (the ASM operator) and {@code training-state.json}.
 */
public final class Checkpoint {
  public static final String PREFIX = "asmnet";
  public static final String ASM_FILE = "asm.json";

  /** Parameter files kept at least: this epoch's and the one before. */
  static final int KEEP = 2;

  private Checkpoint() {}

  /** Whether {@code dir} holds a complete checkpoint. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(TrainingState.FILE))
        && Files.isRegularFile(dir.resolve(ASM_FILE));
  }

  /** Saves this epoch's checkpoint, keeping the parameter files of the last {@code keep} epochs. */
  static void save(Model model, AsmOperator asm, TrainingState state, Path dir, int keep)
      throws IOException {
    model.setProperty("Epoch", Integer.toString(state.epochsDone()));
    model.save(dir, PREFIX);
    asm.save(dir.resolve(ASM_FILE));
    // The state goes last: its presence marks the checkpoint complete.
    state.save(dir);
    // 5.8 MB per epoch adds up over 150 epochs: keep the newest few.
    Files.deleteIfExists(dir.resolve(paramsFile(state.epochsDone() - Math.max(KEEP, keep))));
  }

  /** The parameter file DJL writes after {@code epochs} epochs. */
  public static String paramsFile(int epochs) {
    return String.format("%s-%04d.params", PREFIX, epochs);
  }

  /**
   * Loads the newest parameters of the checkpoint in {@code dir} into a new model, owned by the
   * caller.
   */
  public static Model load(Path dir, Device device) throws IOException, MalformedModelException {
    return open(dir, device, Map.of());
  }

  /**
   * Loads the parameters of epoch {@code epoch} of the checkpoint in {@code dir} (a file the run
   * kept) into a new model, owned by the caller.
   */
  public static Model load(Path dir, Device device, int epoch)
      throws IOException, MalformedModelException {
    return open(dir, device, Map.of("epoch", Integer.toString(epoch)));
  }

  private static Model open(Path dir, Device device, Map<String, ?> options)
      throws IOException, MalformedModelException {
    if (!exists(dir)) {
      throw new IOException(
          "no checkpoint in "
              + dir
              + " (expected "
              + TrainingState.FILE
              + " and "
              + ASM_FILE
              + ")");
    }
    TrainingState state = TrainingState.load(dir);
    Model model = Model.newInstance(PREFIX, device);
    try {
      model.setBlock(AsmNet.create(state.points()));
      // Loading alone leaves the block without the input names that saving describes, so a
      // loaded model could not be saved again (as weight averaging does).
      model
          .getBlock()
          .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 224, 224));
      model.load(dir, PREFIX, options);
      return model;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public static AsmOperator asm(Path dir) throws IOException {
    return AsmOperator.load(dir.resolve(ASM_FILE));
  }
}
