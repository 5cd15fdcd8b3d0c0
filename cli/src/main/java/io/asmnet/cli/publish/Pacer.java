package io.asmnet.cli.publish;

/**
 * Paces a loop at a fixed rate in real time: {@link #await()} sleeps until the next slot, counted
 * from the first call, so a slow iteration is made up for by the next (no drift). Rate 0: never
 * sleeps.
 */
public final class Pacer {
  private final long intervalNanos;
  private long startNanos = -1;
  private long ticks;

  /**
   * @param perSecond iterations per second; 0 for as fast as possible
   */
  public Pacer(double perSecond) {
    if (perSecond < 0 || Double.isNaN(perSecond)) {
      throw new IllegalArgumentException("rate must be 0 or positive: " + perSecond);
    }
    this.intervalNanos = perSecond == 0 ? 0 : Math.round(1e9 / perSecond);
  }

  /** Waits for the next slot. */
  public void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    if (startNanos < 0) {
      startNanos = now;
    }
    long due = startNanos + ticks * intervalNanos;
    ticks++;
    long wait = due - now;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
