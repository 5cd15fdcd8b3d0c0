package io.asmnet.processor.metrics;

import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness of one processor instance.
 *
 * <ul>
 *   <li>ready: "assigned and making progress": the client is {@code RUNNING}, this instance holds
 *       at least one active task (partition), and Kafka answers ({@link KafkaContact} not lost).
 *       {@code REBALANCING} is not ready: after a crash (kill -9) of an instance the group waits
 *       for the dead member's session to expire (45 s by default) and nothing is processed
 *       meanwhile; an instance that got no partition (more instances than partitions) processes
 *       nothing either;
 *   <li>live: every state but {@code PENDING_ERROR}, {@code ERROR}, {@code PENDING_SHUTDOWN} and
 *       {@code NOT_RUNNING}: those never come back to running, so a restart is the cure. A lost
 *       broker does not make an instance unlive: restarting it would not bring Kafka back, and the
 *       clients reconnect by themselves;
 *   <li>{@code CREATED} (or no client yet, {@code state == null}): live, not ready.
 * </ul>
 *
 * @param state the client state, or null before the client exists
 * @param activeTasks active tasks of this instance; -1 when not known
 * @param kafka whether Kafka answers
 * @param reason why it is not ready, for a person; empty when ready
 */
public record StreamsHealth(
    KafkaStreams.State state,
    boolean live,
    boolean ready,
    int activeTasks,
    KafkaContact kafka,
    String reason) {

  public StreamsHealth {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(reason, "reason");
  }

  /** Health from the client state alone (tasks and Kafka contact unknown): ready in RUNNING. */
  public static StreamsHealth of(KafkaStreams.State state) {
    return of(state, -1, KafkaContact.UNKNOWN);
  }

  /**
   * Health of a client in {@code state} (null: not created yet) holding {@code activeTasks} (-1:
   * not known, taken as assigned) with this contact to Kafka.
   */
  public static StreamsHealth of(KafkaStreams.State state, int activeTasks, KafkaContact kafka) {
    boolean live =
        state == null
            || switch (state) {
              case PENDING_ERROR, ERROR, PENDING_SHUTDOWN, NOT_RUNNING -> false;
              default -> true;
            };
    String reason = reason(state, live, activeTasks, kafka);
    return new StreamsHealth(state, live, reason.isEmpty(), activeTasks, kafka, reason);
  }

  private static String reason(
      KafkaStreams.State state, boolean live, int activeTasks, KafkaContact kafka) {
    if (!live) {
      return "Kafka Streams is "
          + state
          + ": this instance processes nothing until it is restarted";
    }
    if (kafka.isLost()) {
      return "Kafka unreachable for " + kafka.lostSeconds() + " s";
    }
    if (state == null || state == KafkaStreams.State.CREATED) {
      return "starting";
    }
    if (state == KafkaStreams.State.REBALANCING) {
      return "rebalancing: waiting for partitions (after a crashed instance, until its session times out)";
    }
    if (activeTasks == 0) {
      return "no partitions assigned to this instance";
    }
    return "";
  }

  /**
   * A small JSON summary, e.g. {@code
   * {"status":"UP","live":true,"ready":true,"state":"RUNNING","activeTasks":2,"kafka":"CONNECTED"}};
   * when not ready {@code status} is {@code NOT_READY} (live) or {@code DOWN}, with a {@code
   * reason}.
   */
  public String json() {
    String status = ready ? "UP" : live ? "NOT_READY" : "DOWN";
    String name = state == null ? "NONE" : state.name();
    StringBuilder json =
        new StringBuilder()
            .append("{\"status\":\"")
            .append(status)
            .append("\",\"live\":")
            .append(live)
            .append(",\"ready\":")
            .append(ready)
            .append(",\"state\":\"")
            .append(name)
            .append('"');
    if (activeTasks >= 0) {
      json.append(",\"activeTasks\":").append(activeTasks);
    }
    json.append(",\"kafka\":\"").append(kafka.status()).append('"');
    if (kafka.isLost()) {
      json.append(",\"kafkaLostSeconds\":").append(kafka.lostSeconds());
    }
    if (!reason.isEmpty()) {
      json.append(",\"reason\":\"")
          .append(reason.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return json.append('}').toString();
  }
}
