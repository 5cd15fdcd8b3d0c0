package io.asmnet.cli.bench;

import io.asmnet.cli.consume.TopicTail;
import io.asmnet.cli.replay.ReplayCollector;
import io.asmnet.schemas.avro.PoseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the pose events and dead letters as a downstream consumer would ({@code read_committed},
 * from the topics' end when opened) on its own thread, and hands every record to two {@link
 * ReplayCollector}s: the warm-up's cameras and the measured run's. Each measured event is stamped
 * with the time its poll returned and its latency from publishing.
 */
final class EventReader implements AutoCloseable {
  /** One consumed event of the measured run. */
  record Seen(PoseEvent event, long consumedNanos, long latencyNanos) {}

  private final TopicTail tail;
  private final ReplayCollector warmUp;
  private final ReplayCollector measured;
  private final BiFunction<String, Long, Long> publishedAt;
  private final List<Seen> seen = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private RuntimeException failure;

  EventReader(
      String bootstrap,
      List<String> topics,
      ReplayCollector warmUp,
      ReplayCollector measured,
      BiFunction<String, Long, Long> publishedAt) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
            10); // do not add up to 500 ms to the latency
    this.tail = TopicTail.open(config, topics, false, Duration.ofSeconds(30));
    this.warmUp = warmUp;
    this.measured = measured;
    this.publishedAt = publishedAt;
    this.thread = new Thread(this::loop, "bench-events");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void loop() {
    try {
      while (running.get()) {
        var records = tail.poll(Duration.ofMillis(50));
        long now = System.nanoTime();
        synchronized (this) {
          for (ConsumerRecord<byte[], byte[]> r : records) {
            warmUp.accept(r);
            Optional<PoseEvent> event = measured.accept(r);
            event.ifPresent(
                e -> {
                  Long sent = publishedAt.apply(e.getCameraId(), e.getSequence());
                  seen.add(new Seen(e, now, sent == null ? -1 : now - sent));
                });
          }
        }
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        failure = e;
      }
    }
  }

  /** Waits until the warm-up's frames are all accounted for, or the timeout; true when they are. */
  boolean awaitWarmUp(Duration timeout) throws InterruptedException {
    return await(warmUp::complete, timeout);
  }

  /** Waits until the measured frames are all accounted for, or the timeout; true when they are. */
  boolean awaitMeasured(Duration timeout) throws InterruptedException {
    return await(measured::complete, timeout);
  }

  private boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (failure != null) {
          throw new IllegalStateException("reading events failed", failure);
        }
        if (done.getAsBoolean()) {
          return true;
        }
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** The measured run's events in the order they were consumed. */
  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Measured frames that ended as dead letters. */
  synchronized long deadLetters() {
    return measured.deadLetters();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5_000);
    tail.close();
  }
}
