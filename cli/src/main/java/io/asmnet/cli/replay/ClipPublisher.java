package io.asmnet.cli.replay;

import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.publish.EncodedFrame;
import io.asmnet.cli.publish.FramePublisher;
import io.asmnet.cli.publish.FrameSource;
import io.asmnet.cli.publish.Pacer;
import io.asmnet.schemas.avro.Frame;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a clip's pictures on its own thread (so results are read while frames still go out) and
 * remembers when each sequence was published. Owns the source and the publisher, closed when the
 * thread ends. {@link #close()} stops early and waits for the thread.
 */
final class ClipPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClipPublisher.class);

  private final Map<Long, Long> publishTimesMs = new ConcurrentHashMap<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong finishedAtNanos = new AtomicLong();
  private final Thread thread;
  private volatile boolean stop;

  ClipPublisher(FrameSource source, FramePublisher publisher, String cameraId, double fps) {
    this.thread = new Thread(() -> publishAll(source, publisher, cameraId, fps), "replay-publish");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void publishAll(
      FrameSource source, FramePublisher publisher, String cameraId, double fps) {
    try (source;
        publisher) {
      Pacer pacer = new Pacer(fps);
      Optional<EncodedFrame> next;
      while (!stop && (next = source.next()).isPresent()) {
        pacer.await();
        Frame sent = publisher.publish(cameraId, next.get());
        publishTimesMs.put(sent.getSequence(), sent.getCaptureTimeMs());
        published.incrementAndGet();
      }
      publisher.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (CommandFailure e) {
      failure.set(e);
    } catch (Exception e) {
      LOG.debug("publishing failed", e);
      failure.set(CommandFailure.error("cannot publish the clip: " + e.getMessage(), e));
    } finally {
      finishedAtNanos.set(System.nanoTime());
    }
  }

  /** The first failure of the publishing thread, or null. */
  RuntimeException failure() {
    return failure.get();
  }

  /** True once every frame was published and flushed (or publishing failed or stopped). */
  boolean finished() {
    return finishedAtNanos.get() != 0;
  }

  /** {@link System#nanoTime()} when publishing ended; 0 while it goes on. */
  long finishedAtNanos() {
    return finishedAtNanos.get();
  }

  long published() {
    return published.get();
  }

  /** Sequence to publish time, ms since the epoch (a copy). */
  Map<Long, Long> publishTimesMs() {
    return Map.copyOf(publishTimesMs);
  }

  /** Publish time of one sequence, or null. */
  Long publishedAt(long sequence) {
    return publishTimesMs.get(sequence);
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    if (thread.isAlive()) {
      thread.join(30_000); // a flush is bounded by the producer's delivery timeout
    }
  }
}
