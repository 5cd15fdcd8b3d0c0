package io.asmnet.processor.infer;

import io.asmnet.processor.metrics.ComponentHealth;
import io.asmnet.processor.metrics.PipelineObserver;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers faces from concurrent callers (the stream threads) into one batch, up to {@code maxBatch}
 * faces, or until every one of the {@code callers} possible callers is in it, or until the first
 * face has waited {@code maxDelayMicros}, whichever comes first, and runs it on its own worker
 * thread. Since each caller blocks until its batch is done, a batch that holds all callers can grow
 * no more: waiting longer would only add latency (with one stream thread, every batch would
 * otherwise wait the full delay). A caller reserves slots, writes its crops straight into them,
 * then blocks until its results are back: nothing is buffered across {@code process()} calls. Two
 * batch buffers alternate, so callers fill one while the other runs.
 *
 * <p>Faults: a model run that throws anything (an {@link Error} too) fails that batch's callers
 * with {@link BatchFailedException} and the worker goes on; a caller that waits longer than {@code
 * timeoutMillis} gets a {@link BatchFailedException}; if the worker itself dies, every waiting and
 * later caller gets a {@link BatcherClosedException}. {@link #health()} reports each of these.
 */
public final class DynamicBatcher implements AutoCloseable {
  /** How long a caller waits for its batch by default. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

  private static final Logger LOG = LoggerFactory.getLogger(DynamicBatcher.class);

  /** Writes the crop of the caller's face {@code index} into {@code slot}. */
  @FunctionalInterface
  public interface SlotWriter {
    void write(int index, CropSlot slot);
  }

  /** Runs the model on the first {@code n} crops of {@code crops}. */
  @FunctionalInterface
  public interface BatchRunner {
    ModelOutput run(ByteBuffer crops, int n) throws Exception;
  }

  private final int maxBatch;
  private final int callers;
  private final long maxDelayNanos;
  private final long timeoutNanos;
  private final BatchRunner runner;
  private final PipelineObserver observer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<BatchBuffer> free = new ArrayDeque<>();
  private final List<BatchBuffer> all = new ArrayList<>();
  private final Thread worker;
  private Gathering filling;
  private int writers;
  private boolean closed;
  private Gathering running;
  private volatile Throwable workerDeath;
  // Why the last batch failed or timed out; null once a batch ran fine.
  private volatile String lastFailure;

  /**
   * @param callers how many threads may call {@link #submit} concurrently (the stream threads)
   */
  public DynamicBatcher(
      int maxBatch,
      int callers,
      long maxDelayMicros,
      BatchRunner runner,
      PipelineObserver observer) {
    this(maxBatch, callers, maxDelayMicros, DEFAULT_TIMEOUT_MILLIS, runner, observer);
  }

  /**
   * @param timeoutMillis how long a caller waits for a batch slot and for its results, at most
   */
  public DynamicBatcher(
      int maxBatch,
      int callers,
      long maxDelayMicros,
      long timeoutMillis,
      BatchRunner runner,
      PipelineObserver observer) {
    if (maxBatch < 1 || callers < 1 || maxDelayMicros < 0 || timeoutMillis < 1) {
      throw new IllegalArgumentException(
          "maxBatch, callers and timeoutMillis must be >= 1 and maxDelayMicros >= 0");
    }
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.maxBatch = maxBatch;
    this.callers = callers;
    this.maxDelayNanos = TimeUnit.MICROSECONDS.toNanos(maxDelayMicros);
    this.runner = runner;
    this.observer = observer;
    for (int i = 0; i < 2; i++) {
      BatchBuffer b = new BatchBuffer(maxBatch);
      all.add(b);
      free.add(b);
    }
    worker = new Thread(this::work, "asmnet-batcher");
    worker.setDaemon(true);
    worker.start();
  }

  public int maxBatch() {
    return maxBatch;
  }

  /**
   * Unhealthy while the worker is dead, after close, and from a failed or late batch to the next
   * good one.
   */
  public ComponentHealth health() {
    Throwable death = workerDeath;
    if (death != null) {
      return ComponentHealth.down("the batcher's worker thread died: " + death);
    }
    String failure = lastFailure;
    if (failure != null) {
      return ComponentHealth.down(failure);
    }
    lock.lock();
    try {
      return closed ? ComponentHealth.down("the batcher is shut down") : ComponentHealth.UP;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code n} faces (1..maxBatch) in the next batch with room and blocks until done, at most
   * {@code timeoutMillis} for a slot and as long again for the results.
   *
   * @throws BatcherClosedException when the batcher shuts down first, or its worker died
   * @throws BatchFailedException when the model run failed or did not finish in time
   */
  public BatchSlice submit(int n, SlotWriter writer) throws InterruptedException {
    if (n < 1 || n > maxBatch) {
      throw new IllegalArgumentException("faces per call must be 1.." + maxBatch + ", got " + n);
    }
    Gathering batch;
    Gathering.Request request;
    long deadline = System.nanoTime() + timeoutNanos;
    lock.lock();
    try {
      while (true) {
        if (workerDeath != null) {
          throw new BatcherClosedException(workerDeath);
        }
        if (closed) {
          throw new BatcherClosedException();
        }
        if (filling == null && !free.isEmpty()) {
          filling = new Gathering(free.pop());
        }
        if (filling != null && filling.reserved + n <= maxBatch) {
          break;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw late(
              "no batch had room within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
        changed.awaitNanos(left);
      }
      batch = filling;
      request = batch.reserve(n);
      writers++;
    } finally {
      lock.unlock();
    }
    try {
      for (int i = 0; i < n; i++) {
        writer.write(i, batch.buffer.slot(request.start() + i));
      }
    } finally {
      lock.lock();
      try {
        batch.written += n;
        writers--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
    try {
      return request.result().get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (TimeoutException e) {
      throw late(
          "the batch did not finish within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
    }
  }

  private BatchFailedException late(String why) {
    String message = why + " (model stuck or too slow)";
    lastFailure = message;
    return new BatchFailedException(message);
  }

  private void work() {
    try {
      while (true) {
        Gathering batch;
        lock.lock();
        try {
          batch = awaitReadyBatch();
          if (batch == null) {
            return;
          }
          running = batch;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
        run(batch);
        lock.lock();
        try {
          running = null;
          free.push(batch.buffer);
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (Throwable t) {
      // Whatever it was, no caller may wait for a worker that is gone.
      LOG.error("the landmark batcher's worker thread died; failing its callers", t);
      die(t);
    }
  }

  private void die(Throwable t) {
    workerDeath = t;
    BatcherClosedException failure = new BatcherClosedException(t);
    lock.lock();
    try {
      for (Gathering g : new Gathering[] {running, filling}) {
        if (g != null) {
          g.requests.forEach(r -> r.result().completeExceptionally(failure));
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock: the batch to run next, or null when closed (pending callers are failed). */
  private Gathering awaitReadyBatch() {
    while (true) {
      if (closed) {
        if (filling != null) {
          filling.requests.forEach(
              r -> r.result().completeExceptionally(new BatcherClosedException()));
          free.push(filling.buffer);
          filling = null;
        }
        return null;
      }
      try {
        if (filling != null && filling.written == filling.reserved) {
          long waited = System.nanoTime() - filling.firstNanos;
          boolean full = filling.reserved == maxBatch || filling.requests.size() >= callers;
          if (full || waited >= maxDelayNanos) {
            Gathering ready = filling;
            filling = null;
            return ready;
          }
          changed.awaitNanos(maxDelayNanos - waited);
        } else {
          changed.await();
        }
      } catch (InterruptedException e) {
        // Only close() stops the worker; an interrupt alone is not a reason to strand callers.
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }

  private void run(Gathering batch) {
    long start = System.nanoTime();
    ModelOutput out;
    try {
      out = runner.run(batch.buffer.data(), batch.reserved);
    } catch (Throwable e) {
      // An Error from the runtime (out of memory, a native fault surfaced as an Error) fails this
      // batch like any exception; the worker lives on for the next one.
      BatchFailedException failure = new BatchFailedException(batch.reserved, e);
      lastFailure = failure.getMessage();
      LOG.warn("landmark model run failed on {} faces", batch.reserved, e);
      batch.requests.forEach(r -> r.result().completeExceptionally(failure));
      return;
    }
    lastFailure = null;
    long runMicros = (System.nanoTime() - start) / 1000;
    for (Gathering.Request r : batch.requests) {
      r.result()
          .complete(
              new BatchSlice(
                  slice(out, r.start(), r.n()),
                  (start - r.arrivedNanos()) / 1000,
                  runMicros,
                  batch.reserved));
    }
    observer.batchRun(batch.reserved, (start - batch.firstNanos) / 1000, runMicros);
  }

  private static ModelOutput slice(ModelOutput out, int start, int n) {
    int lm = LandmarkModel.LANDMARK_FLOATS;
    return new ModelOutput(
        n,
        Arrays.copyOfRange(out.landmarks(), start * lm, (start + n) * lm),
        Arrays.copyOfRange(out.pose(), start * 3, (start + n) * 3));
  }

  /** Fails waiting callers with {@link BatcherClosedException}, then frees the buffers. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      worker.join();
      lock.lock();
      try {
        // A caller may still be writing a crop into a slot: free the memory only after it is done.
        while (writers > 0) {
          changed.await();
        }
      } finally {
        lock.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // leak the buffers rather than free memory a writer may still touch
    }
    all.forEach(BatchBuffer::close);
  }
}
