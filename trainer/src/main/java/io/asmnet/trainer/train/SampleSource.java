package io.asmnet.trainer.train;

import io.asmnet.trainer.data.Sample;
import java.util.List;

/**
 * Where training gets its crops: the data package's loaders feed it.
 *
 * <p>{@link #train(int)} is asked once per epoch, so a source can augment afresh each epoch; the
 * ASM's PCA is fitted on the list for epoch 0.
 */
public interface SampleSource {
  /** The training samples for 0-based {@code epoch}; never empty. */
  List<Sample> train(int epoch);

  /** Validation samples, never augmented; may be empty. */
  List<Sample> validation();

  /** A source that gives the same lists every epoch. */
  static SampleSource fixed(List<Sample> train, List<Sample> validation) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training samples");
    }
    List<Sample> t = List.copyOf(train);
    List<Sample> v = List.copyOf(validation);
    return new SampleSource() {
      @Override
      public List<Sample> train(int epoch) {
        return t;
      }

      @Override
      public List<Sample> validation() {
        return v;
      }
    };
  }
}
