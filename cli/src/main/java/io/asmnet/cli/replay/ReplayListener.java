package io.asmnet.cli.replay;

import io.asmnet.schemas.avro.PoseEvent;

/** Hears about a replay's results as they arrive (on the replaying thread). */
@FunctionalInterface
public interface ReplayListener {
  /** Does nothing. */
  ReplayListener NONE = (event, publishedMs) -> {};

  /**
   * A pose event of the replayed clip arrived.
   *
   * @param publishedMs when its frame was published, ms since the epoch; null if unknown
   */
  void onEvent(PoseEvent event, Long publishedMs);
}
