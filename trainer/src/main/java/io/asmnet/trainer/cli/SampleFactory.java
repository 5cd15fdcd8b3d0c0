package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.Sample;
import java.util.Random;

/**
 * Crops a labelled face into a network sample, augmenting when {@code rng} is not null (the data
 * package's {@code SampleMaker::make}).
 */
@FunctionalInterface
public interface SampleFactory {
  Sample make(LabelledFace face, Random rng);
}
