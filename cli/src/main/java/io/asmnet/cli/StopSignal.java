package io.asmnet.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT/SIGTERM) as a request to finish cleanly: a shutdown hook sets {@link #requested()}
 * and then holds the JVM until the command's loop has seen it and {@link #close()} ran (flushing a
 * producer, writing an MP4's index), at most {@code grace}. Use one per command run, in
 * try-with-resources around the loop.
 */
public final class StopSignal implements AutoCloseable {
  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  /** Registers the hook; {@code grace} bounds how long an exit waits for the loop. */
  public StopSignal(String name, Duration grace) {
    this.hook =
        new Thread(
            () -> {
              requested.set(true);
              try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name + "-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** True once the process was asked to stop: leave the loop and clean up. */
  public boolean requested() {
    return requested.get();
  }

  /** The loop is done: lets a pending exit go on, and removes the hook. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already: the hook is running and has just been released.
    }
  }
}
