package io.asmnet.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds TCP ports on 127.0.0.1 that are free right now. */
final class FreePort {

  private FreePort() {}

  /**
   * A port the OS considered free a moment ago. Another process may take it before the broker binds
   * it; the broker then fails to start with "Address already in use" in its log.
   */
  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
    }
  }

  /** True when nothing listens on the port and it can be bound on 127.0.0.1. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }
}
