package io.asmnet.cli.replay;

import java.util.List;

/**
 * What a replay collected, and which frames it is still missing.
 *
 * @param input events, dead letters and publish times, ready for {@link ReplayScorer}
 * @param published frames published
 * @param missing sequences that got neither a pose event nor a dead letter, ascending
 * @param interrupted true when a stop request (Ctrl-C) ended the wait early
 */
public record ReplayOutcome(
    ReplayInput input, long published, List<Long> missing, boolean interrupted) {
  public ReplayOutcome {
    if (input == null || published < 0) {
      throw new IllegalArgumentException("input is required, published >= 0");
    }
    missing = List.copyOf(missing);
  }

  /** True when every frame of the clip got an event or a dead letter. */
  public boolean complete() {
    return missing.isEmpty();
  }

  /** "12 of 120 frames got no pose event or dead letter (sequences 3, 7, 8, ...)". */
  public String missingMessage() {
    int frames = input.truth().frames().size();
    String first =
        missing.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    return missing.size()
        + " of "
        + frames
        + " frames got no pose event or dead letter (sequence"
        + (missing.size() == 1 ? " " : "s ")
        + first
        + (missing.size() > 10 ? ", ..." : "")
        + ")";
  }
}
