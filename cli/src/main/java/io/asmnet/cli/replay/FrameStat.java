package io.asmnet.cli.replay;

/**
 * One clip frame's figures, for plots.
 *
 * @param sequence the frame's sequence
 * @param trueFaces true in-frame faces
 * @param foundFaces of those, matched by an event face
 * @param meanNme mean NME of the matched faces; null when none matched or no event came
 * @param latencyMs publish (or capture) to event, ms; null when no event came
 */
public record FrameStat(
    long sequence, int trueFaces, int foundFaces, Double meanNme, Double latencyMs) {
  public FrameStat {
    if (sequence < 0 || trueFaces < 0 || foundFaces < 0 || foundFaces > trueFaces) {
      throw new IllegalArgumentException("bad frame stat for sequence " + sequence);
    }
  }

  /** Whether an event came for this frame. */
  public boolean delivered() {
    return latencyMs != null;
  }
}
