package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.train.SampleSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Crops labelled faces into samples: training faces augmented afresh each epoch (seeded per epoch,
 * so runs repeat), validation faces once, without augmentation.
 *
 * <p>With a cap per person, a person with more faces than the cap (a video's frames) gives a fresh
 * random choice of that many each epoch, so one talking head does not outweigh everyone else while
 * all its frames still get used over the run.
 */
final class AugmentingSource implements SampleSource {
  private final List<LabelledFace> train;
  private final Map<String, List<LabelledFace>> byPerson;
  private final int maxPerPerson;
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
    this(train, validation, factory, seed, mode, 0);
  }

  /**
   * @param maxPerPerson the most faces of one person per epoch, 0 for all
   */
  AugmentingSource(
      List<LabelledFace> train,
      List<LabelledFace> validation,
      SampleMaker factory,
      long seed,
      AugmentMode mode,
      int maxPerPerson) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training faces");
    }
    if (maxPerPerson < 0) {
      throw new IllegalArgumentException("faces per person must not be negative: " + maxPerPerson);
    }
    this.train = List.copyOf(train);
    this.byPerson = new LinkedHashMap<>();
    for (LabelledFace f : train) {
      byPerson.computeIfAbsent(f.person(), p -> new ArrayList<>()).add(f);
    }
    this.maxPerPerson = maxPerPerson;
    this.factory = factory;
    this.seed = seed;
    this.mode = mode;
    this.validation = validation.stream().map(f -> factory.make(f, null)).toList();
  }

  @Override
  public List<Sample> train(int epoch) {
    Random rng = new Random(seed * 7_919L + epoch);
    return faces(epoch).stream()
        .map(
            f ->
                mode == AugmentMode.none
                    ? factory.make(f, null)
                    : factory.make(f, mode.draw(rng), rng))
        .toList();
  }

  /**
   * This epoch's training faces, in the order given (uncapped, the same list each epoch, so runs
   * without a cap draw their augmentation exactly as before there was one).
   */
  List<LabelledFace> faces(int epoch) {
    if (maxPerPerson == 0) {
      return train;
    }
    Random pick = new Random(seed * 104_729L + epoch);
    Set<LabelledFace> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<LabelledFace> person : byPerson.values()) {
      if (person.size() > maxPerPerson) {
        List<LabelledFace> order = new ArrayList<>(person);
        Collections.shuffle(order, pick);
        dropped.addAll(order.subList(maxPerPerson, order.size()));
      }
    }
    return train.stream().filter(f -> !dropped.contains(f)).toList();
  }

  @Override
  public List<Sample> validation() {
    return validation;
  }
}
