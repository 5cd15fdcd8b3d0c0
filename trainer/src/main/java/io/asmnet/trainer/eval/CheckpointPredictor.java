package io.asmnet.trainer.eval;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.model.InputCodec;
import io.asmnet.trainer.model.TargetCodec;
import io.asmnet.trainer.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A training checkpoint run by DJL in inference mode (no dropout, batch-norm running statistics),
 * its outputs decoded to crop pixels and degrees. Owns the model.
 */
public final class CheckpointPredictor implements LandmarkPredictor, AutoCloseable {
  private final Model model;

  /** Loads the newest parameters in {@code dir} on the CPU. */
  public CheckpointPredictor(Path dir) throws IOException, MalformedModelException {
    this.model = Checkpoint.load(dir, Device.cpu());
  }

  @Override
  public List<Prediction> predict(List<Sample> batch) {
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDList out =
          model
              .getBlock()
              .forward(
                  new ParameterStore(manager, false),
                  new NDList(InputCodec.toInput(manager, batch.stream().map(Sample::bgr).toList())),
                  false);
      float[] landmarks = TargetCodec.decodeLandmarks(out.get(0).toFloatArray());
      float[] pose = TargetCodec.decodePose(out.get(1).toFloatArray());
      int width = landmarks.length / batch.size();
      List<Prediction> predictions = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        predictions.add(
            new Prediction(
                Arrays.copyOfRange(landmarks, i * width, (i + 1) * width),
                new HeadPose(pose[3 * i], pose[3 * i + 1], pose[3 * i + 2])));
      }
      return predictions;
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
