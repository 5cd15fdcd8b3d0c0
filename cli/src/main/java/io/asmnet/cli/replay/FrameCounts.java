package io.asmnet.cli.replay;

/**
 * Delivery figures of a replay.
 *
 * @param framesIn frames in the clip (all published)
 * @param framesOut clip frames that got at least one pose event
 * @param missingFrames clip frames without any event (dead-lettered ones included)
 * @param deadLetters records on the dead-letter topic
 * @param duplicateEvents events for a sequence that already had one (ignored in scoring)
 * @param unexpectedEvents events whose sequence is not in the clip (ignored in scoring)
 */
public record FrameCounts(
    int framesIn,
    int framesOut,
    int missingFrames,
    long deadLetters,
    int duplicateEvents,
    int unexpectedEvents) {
  public FrameCounts {
    if (framesIn < 0
        || framesOut < 0
        || missingFrames < 0
        || deadLetters < 0
        || duplicateEvents < 0
        || unexpectedEvents < 0
        || framesOut + missingFrames != framesIn) {
      throw new IllegalArgumentException("counts must be >= 0 and out + missing = in");
    }
  }
}
