package io.asmnet.processor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM as a request to stop cleanly, so that the process exits with the code
 * the command returns (0) rather than the JVM's 130/143: a shutdown hook cannot change the exit
 * status of a signal-initiated exit, a handler of the signal itself can. The stop action runs once,
 * on its own thread; {@link #close()} waits for it and restores the previous handlers. A request
 * that arrives before {@link #onStop} runs the action as soon as it is given. Where the JVM does
 * not allow the handlers ({@code -Xrs}) nothing is installed and the caller's shutdown hook remains
 * the way out.
 */
final class TerminationSignals implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);
  private static final List<String> NAMES = List.of("INT", "TERM");

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private final AtomicReference<Runnable> action = new AtomicReference<>();
  private volatile String requested;
  private Thread stopper;

  private TerminationSignals() {}

  static TerminationSignals install() {
    TerminationSignals t = new TerminationSignals();
    for (String name : NAMES) {
      try {
        Signal signal = new Signal(name);
        t.previous.add(Signal.handle(signal, t::received));
        t.signals.add(signal);
      } catch (IllegalArgumentException e) {
        LOG.debug(
            "cannot handle SIG{} here ({}); the shutdown hook stops the processor",
            name,
            e.getMessage());
      }
    }
    return t;
  }

  private synchronized void received(Signal signal) {
    if (requested != null) {
      LOG.info("SIG{} again: already stopping", signal.getName());
      return;
    }
    requested = signal.getName();
    LOG.info("SIG{}: stopping", signal.getName());
    startStopper();
  }

  /** The action that stops the process's work; runs at once if a signal came already. */
  synchronized void onStop(Runnable stop) {
    action.set(stop);
    if (requested != null) {
      startStopper();
    }
  }

  private void startStopper() {
    Runnable stop = action.get();
    if (stop != null && stopper == null) {
      stopper = new Thread(stop, "asmnet-stop");
      stopper.start();
    }
  }

  @Override
  public void close() throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = stopper;
    }
    if (t != null) {
      t.join();
    }
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
