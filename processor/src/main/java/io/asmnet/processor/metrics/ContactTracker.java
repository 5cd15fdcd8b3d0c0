package io.asmnet.processor.metrics;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns probe results into a {@link KafkaContact} and into log lines an operator can act on: one
 * WARN when the contact is lost, then one WARN per {@code repeat} while it stays lost, one INFO
 * when it is back. (The Kafka clients' own connection warnings come per attempt and per node and
 * are usually filtered out; these say once, in our words, that nothing is being processed.)
 * Thread-safe; times are {@link System#nanoTime()} values.
 */
final class ContactTracker {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaContactWatch.class);

  private final String bootstrapServers;
  private final long repeatNanos;
  private boolean probed;
  private boolean lost;
  private long lostSince;
  private long lastWarned;
  private String lastProblem = "";

  ContactTracker(String bootstrapServers, Duration repeat) {
    this.bootstrapServers = bootstrapServers;
    this.repeatNanos = repeat.toNanos();
  }

  /** A probe succeeded at {@code now}. */
  synchronized void reached(long now) {
    if (lost) {
      LOG.info(
          "Kafka at {} reachable again after {} s; processing resumes",
          bootstrapServers,
          seconds(now - lostSince));
    } else if (!probed) {
      LOG.debug("Kafka at {} reachable", bootstrapServers);
    }
    probed = true;
    lost = false;
  }

  /** A probe failed at {@code now}, for {@code problem} (the client's message). */
  synchronized void failed(long now, String problem) {
    probed = true;
    lastProblem = problem == null ? "" : problem;
    if (!lost) {
      lost = true;
      lostSince = now;
      lastWarned = now;
      LOG.warn(
          "Kafka at {} unreachable ({}): nothing is consumed or produced until it is back; /health/ready"
              + " answers 503",
          bootstrapServers,
          lastProblem);
    } else if (now - lastWarned >= repeatNanos) {
      lastWarned = now;
      LOG.warn(
          "Kafka at {} still unreachable after {} s ({})",
          bootstrapServers,
          seconds(now - lostSince),
          lastProblem);
    }
  }

  /** The contact as of {@code now}. */
  synchronized KafkaContact contact(long now) {
    if (!probed) {
      return KafkaContact.UNKNOWN;
    }
    return lost ? KafkaContact.lost(seconds(now - lostSince)) : KafkaContact.CONNECTED;
  }

  private static long seconds(long nanos) {
    return Math.max(0, nanos / 1_000_000_000L);
  }
}
