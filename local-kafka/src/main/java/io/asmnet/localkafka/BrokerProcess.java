package io.asmnet.localkafka;

import java.util.Optional;

/**
 * Finds the live process of a recorded broker, refusing any other process that happens to have its
 * pid now (pids are reused): the command line must run {@link BrokerMain} with the recorded config
 * file.
 */
final class BrokerProcess {

  private BrokerProcess() {}

  /** The broker's process when it is alive and still the one recorded; empty otherwise. */
  static Optional<ProcessHandle> find(BrokerState state) {
    return ProcessHandle.of(state.pid())
        .filter(ProcessHandle::isAlive)
        .filter(p -> isBroker(p, state));
  }

  /** The live process with the recorded pid, whatever it runs (for messages). */
  static Optional<String> commandLineOf(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine());
  }

  static boolean isBroker(ProcessHandle process, BrokerState state) {
    Optional<String> commandLine = process.info().commandLine();
    return commandLine.isPresent()
        && commandLine.get().contains(BrokerMain.class.getName())
        && commandLine.get().contains(state.config());
  }
}
