package io.asmnet.localkafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops one process, given by its handle (never by name): SIGTERM first so the broker shuts down
 * cleanly through its shutdown hook, then SIGKILL when it takes longer than the grace period.
 */
final class ProcessStopper {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessStopper.class);

  private ProcessStopper() {}

  /**
   * Stops the process and waits for it to be gone.
   *
   * @return true when it stopped within the grace period, false when it had to be killed
   */
  static boolean stop(ProcessHandle process, Duration grace) {
    if (!process.isAlive()) {
      return true;
    }
    process.destroy();
    if (awaitExit(process, grace)) {
      return true;
    }
    LOG.warn("Process {} did not stop within {} s: killing it", process.pid(), grace.toSeconds());
    process.destroyForcibly();
    if (!awaitExit(process, Duration.ofSeconds(10))) {
      throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL");
    }
    return false;
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Waiting for process " + process.pid() + " failed", e);
    }
  }
}
