package io.asmnet.processor.metrics;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness derived from the Kafka Streams client state.
 *
 * <ul>
 *   <li>ready: {@code RUNNING} or {@code REBALANCING} (a rebalance is routine and short; failing
 *       readiness during it would flap);
 *   <li>live: every state but {@code PENDING_ERROR}, {@code ERROR}, {@code PENDING_SHUTDOWN} and
 *       {@code NOT_RUNNING}: those never come back to running, so a restart is the cure;
 *   <li>{@code CREATED} (or no client yet, {@code state == null}): live, not ready.
 * </ul>
 *
 * @param state the client state, or null before the client exists
 */
public record StreamsHealth(KafkaStreams.State state, boolean live, boolean ready) {

  /** Health for a client in {@code state} (null: not created yet). */
  public static StreamsHealth of(KafkaStreams.State state) {
    if (state == null) {
      return new StreamsHealth(null, true, false);
    }
    boolean ready = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    boolean live =
        switch (state) {
          case PENDING_ERROR, ERROR, PENDING_SHUTDOWN, NOT_RUNNING -> false;
          default -> true;
        };
    return new StreamsHealth(state, live, ready);
  }

  /**
   * A small JSON summary, e.g. {@code {"status":"UP","live":true,"ready":true,"state":"RUNNING"}}.
   */
  public String json() {
    String status = ready ? "UP" : live ? "STARTING" : "DOWN";
    String name = state == null ? "NONE" : state.name();
    return "{\"status\":\""
        + status
        + "\",\"live\":"
        + live
        + ",\"ready\":"
        + ready
        + ",\"state\":\""
        + name
        + "\"}";
  }
}
