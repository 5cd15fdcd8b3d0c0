package io.asmnet.cli.replay;

/**
 * Latency and throughput of a replay. Latency of a frame = its first event's {@code
 * processedTimeMs} minus the frame's publish time (or, when the replay recorded none, the event's
 * {@code captureTimeMs}); both are wall-clock ms, so it includes the broker round trips and the
 * processor's commit interval. Null when no frame came out.
 *
 * @param latencyFrom "publish", "capture", or "publish+capture" when both were used
 * @param p50Ms median latency, ms (nearest rank)
 * @param p95Ms 95th percentile, ms
 * @param p99Ms 99th percentile, ms
 * @param durationS first publish (or capture) to last event, seconds
 * @param throughputFps frames out / duration
 */
public record Speed(
    String latencyFrom,
    Double p50Ms,
    Double p95Ms,
    Double p99Ms,
    Double durationS,
    Double throughputFps) {
  public Speed {
    if (latencyFrom == null) {
      throw new IllegalArgumentException("latencyFrom is required");
    }
  }
}
