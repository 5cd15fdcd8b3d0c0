package io.asmnet.trainer.eval;

import io.asmnet.trainer.data.Sample;
import java.util.List;

/**
 * A model under evaluation: the trainer's DJL network or an ONNX Runtime session plug in here.
 * Implementations own their native handles; the evaluator only calls {@link #predict}.
 */
@FunctionalInterface
public interface LandmarkPredictor {
  /**
   * @param batch samples (224 x 224 BGR crops); their targets must not be used
   * @return one prediction per sample, in the same order
   */
  List<Prediction> predict(List<Sample> batch);
}
