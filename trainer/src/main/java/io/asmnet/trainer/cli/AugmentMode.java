package io.asmnet.trainer.cli;

import io.asmnet.trainer.data.Augmentation;
import java.util.Random;

/** Which training augmentation {@code trainer train --augment} draws. */
enum AugmentMode {
  /** ASMNet's published ranges ({@link Augmentation#random}). */
  published,
  /** Milder, centred on the evaluation crop ({@link Augmentation#light}). */
  light,
  /**
   * For real video: +-45 degree roll, the detector's framing error, camera and codec effects
   * ({@link Augmentation#strong}).
   */
  strong,
  /** Plain crops. */
  none;

  Augmentation draw(Random rng) {
    return switch (this) {
      case published -> Augmentation.random(rng);
      case light -> Augmentation.light(rng);
      case strong -> Augmentation.strong(rng);
      case none -> Augmentation.none();
    };
  }
}
