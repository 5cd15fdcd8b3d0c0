package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.train.SampleSource;
import java.util.List;
import java.util.Random;

/**
 * Crops labelled faces into samples: training faces augmented afresh each epoch (seeded per epoch,
 * so runs repeat), validation faces once, without augmentation.
 */
final class AugmentingSource implements SampleSource {
  private final List<LabelledFace> train;
  private final SampleMaker factory;
  private final long seed;
  private final AugmentMode mode;
  private final List<Sample> validation;

  AugmentingSource(
      List<LabelledFace> train,
      List<LabelledFace> validation,
      SampleMaker factory,
      long seed,
      AugmentMode mode) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training faces");
    }
    this.train = List.copyOf(train);
    this.factory = factory;
    this.seed = seed;
    this.mode = mode;
    this.validation = validation.stream().map(f -> factory.make(f, null)).toList();
  }

  @Override
  public List<Sample> train(int epoch) {
    Random rng = new Random(seed * 7_919L + epoch);
    return train.stream()
        .map(
            f ->
                mode == AugmentMode.none
                    ? factory.make(f, null)
                    : factory.make(f, mode.draw(rng), rng))
        .toList();
  }

  @Override
  public List<Sample> validation() {
    return validation;
  }
}
