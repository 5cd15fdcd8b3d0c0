package io.asmnet.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the resident set (VmRSS from {@code /proc/PID/status}) of this JVM and of the broker
 * process every {@link #PERIOD_MS} ms on a daemon thread, keeping the peaks. Linux only; elsewhere
 * the figures stay 0.
 */
final class ResidentMemory implements AutoCloseable {
  static final long PERIOD_MS = 200;

  private final long brokerPid;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakSelfKb;
  private volatile long peakBrokerKb;

  ResidentMemory(long brokerPid) {
    this.brokerPid = brokerPid;
    this.thread = new Thread(this::loop, "bench-rss");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    peakSelfKb = Math.max(peakSelfKb, rssKb("self"));
    peakBrokerKb = Math.max(peakBrokerKb, rssKb(String.valueOf(brokerPid)));
  }

  /** VmRSS of {@code /proc/<pid>/status} in KiB, 0 when unreadable. */
  static long rssKb(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0; // not Linux, or the process is gone
    }
    return 0;
  }

  long peakSelfMiB() {
    return peakSelfKb / 1024;
  }

  long peakBrokerMiB() {
    return peakBrokerKb / 1024;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(1_000);
    sample();
  }
}
