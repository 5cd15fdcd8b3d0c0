package io.asmnet.cli.replay;

import io.asmnet.cli.clip.GroundTruth;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.List;
import java.util.Map;

/**
 * What a replay run collected, as plain values, for {@link ReplayScorer}.
 *
 * @param truth the clip's ground truth (frame sequence numbers 0..n-1 as published)
 * @param events every pose event read back (read_committed), in any order; duplicates and sequences
 *     not in the clip are counted, not scored twice
 * @param deadLetters records the processor sent to the dead-letter topic for this run
 * @param publishTimesMs sequence -> when the replay published that frame, ms since the epoch (UTC);
 *     may be empty, then latency is measured from each event's {@code captureTimeMs}
 */
public record ReplayInput(
    GroundTruth truth, List<PoseEvent> events, long deadLetters, Map<Long, Long> publishTimesMs) {
  public ReplayInput {
    if (truth == null || events == null || publishTimesMs == null) {
      throw new IllegalArgumentException("truth, events and publishTimesMs are required");
    }
    if (deadLetters < 0) {
      throw new IllegalArgumentException("deadLetters must be >= 0");
    }
    events = List.copyOf(events);
    publishTimesMs = Map.copyOf(publishTimesMs);
  }
}
