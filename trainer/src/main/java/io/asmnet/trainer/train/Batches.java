package io.asmnet.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.loss.AsmOperator;
import io.asmnet.trainer.model.InputCodec;
import io.asmnet.trainer.model.TargetCodec;
import java.util.ArrayList;
import java.util.List;

/** Turns samples into the network's input and ASM-LOSS's labels, in normalised units. */
final class Batches {
  private Batches() {}

  /** [N, 3, 224, 224] float RGB in [0, 1]. */
  static NDList inputs(NDManager manager, List<Sample> samples) {
    List<byte[]> crops = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      crops.add(s.bgr());
    }
    return new NDList(InputCodec.toInput(manager, crops));
  }

  /** Landmarks [N, 2p], ASM(landmarks) [N, 2p], pose [N, 3]. */
  static NDList labels(NDManager manager, List<Sample> samples, AsmOperator asm) {
    int n = samples.size();
    float[][] landmarks = new float[n][];
    float[][] smoothed = new float[n][];
    float[][] pose = new float[n][];
    for (int i = 0; i < n; i++) {
      Sample s = samples.get(i);
      landmarks[i] = TargetCodec.encodeLandmarks(s.landmarks());
      smoothed[i] = asm.apply(landmarks[i]);
      pose[i] = TargetCodec.encodePose(s.pose().toArray());
    }
    return new NDList(manager.create(landmarks), manager.create(smoothed), manager.create(pose));
  }

  /** Normalised landmark vectors of {@code samples}, for the PCA. */
  static List<float[]> shapes(List<Sample> samples) {
    List<float[]> shapes = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      shapes.add(TargetCodec.encodeLandmarks(s.landmarks()));
    }
    return shapes;
  }

  /** Sum of squares of {@code weights}, kept on {@code manager} (not the model's). */
  static NDArray sumOfSquares(NDManager manager, List<NDArray> weights) {
    NDArray sum = manager.zeros(new ai.djl.ndarray.types.Shape());
    for (NDArray w : weights) {
      // Results of ops on a parameter land on the parameter's manager: move them to the batch's,
      // or every step would leak two arrays into the model until it closes.
      NDArray squares = w.square();
      squares.attach(manager);
      NDArray total = squares.sum();
      total.attach(manager);
      sum = sum.add(total);
    }
    return sum;
  }
}
