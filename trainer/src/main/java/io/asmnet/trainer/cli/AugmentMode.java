package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.Augmentation;
import java.util.Random;

/** Which training augmentation {@code trainer train --augment} draws. */
enum AugmentMode {
  /** ASMNet's published ranges ({@link Augmentation#random}). */
  published,
  /** Milder, centred on the evaluation crop ({@link Augmentation#light}). */
  light,
  /** Plain crops. */
  none;

  Augmentation draw(Random rng) {
    return switch (this) {
      case published -> Augmentation.random(rng);
      case light -> Augmentation.light(rng);
      case none -> Augmentation.none();
    };
  }
}
