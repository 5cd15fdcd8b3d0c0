package io.asmnet.trainer.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.eval.Nme;
import io.asmnet.trainer.model.TargetCodec;
import java.util.Arrays;
import java.util.List;

/** Mean inter-ocular NME (%) of the model in inference mode over a validation set. */
final class Validation {
  private Validation() {}

  static double nme(Trainer trainer, List<Sample> samples, int batchSize) {
    double sum = 0;
    for (int from = 0; from < samples.size(); from += batchSize) {
      List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + batchSize));
      try (NDManager manager = trainer.getManager().newSubManager()) {
        NDList out = trainer.evaluate(Batches.inputs(manager, batch));
        float[] all = TargetCodec.decodeLandmarks(out.get(0).toFloatArray());
        int width = all.length / batch.size();
        for (int i = 0; i < batch.size(); i++) {
          sum +=
              100
                  * Nme.of(
                      Arrays.copyOfRange(all, i * width, (i + 1) * width),
                      batch.get(i).landmarks());
        }
      }
    }
    return sum / samples.size();
  }
}
