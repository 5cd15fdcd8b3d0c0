package io.asmnet.processor.bench;

import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the pose events as a downstream consumer would ({@code read_committed}) on its own
 * thread, stamping each with the time it was consumed; keeps those of cameras with the measured
 * prefix and counts the others (warm-up).
 */
final class EventCollector implements AutoCloseable {
  /** One consumed event of the measured run. */
  record Seen(PoseEvent event, long consumedNanos, long latencyNanos) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Deserializer<PoseEvent> deserializer = WireSerdes.poseEvent().deserializer();
  private final String measuredPrefix;
  private final BiFunction<String, Long, Long> publishedAt;
  private final List<Seen> seen = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private long others;
  private RuntimeException failure;

  EventCollector(String bootstrap, String topic, String measuredPrefix, BiFunction<String, Long, Long> publishedAt) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"); // do not add up to 500 ms to the latency
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.consumer.subscribe(List.of(topic));
    this.measuredPrefix = measuredPrefix;
    this.publishedAt = publishedAt;
    this.thread = new Thread(this::loop, "bench-events");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void loop() {
    try {
      while (running.get()) {
        var records = consumer.poll(Duration.ofMillis(50));
        long now = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          PoseEvent e = deserializer.deserialize(r.topic(), r.value());
          String camera = e.getCameraId().toString();
          if (camera.startsWith(measuredPrefix)) {
            Long sent = publishedAt.apply(camera, e.getSequence());
            synchronized (this) {
              seen.add(new Seen(e, now, sent == null ? -1 : now - sent));
            }
          } else {
            synchronized (this) {
              others++;
            }
          }
        }
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        failure = e;
      }
    }
  }

  /** Waits until {@code measured} measured and {@code other} other events arrived, or the timeout. */
  boolean await(int measured, long other, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (failure != null) {
          throw new IllegalStateException("reading events failed", failure);
        }
        if (seen.size() >= measured && others >= other) {
          return true;
        }
      }
      Thread.sleep(20);
    }
    return false;
  }

  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  synchronized int measuredCount() {
    return seen.size();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5_000);
    consumer.close();
  }
}
