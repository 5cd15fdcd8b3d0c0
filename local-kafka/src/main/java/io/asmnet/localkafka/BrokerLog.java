package io.asmnet.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what a broker JVM wrote: readiness and the last lines for error messages. */
final class BrokerLog {

  /** Logged by {@code kafka.server.KafkaRaftServer} once the broker serves clients. */
  static final String STARTED = "Kafka Server started";

  private static final int TAIL_LINES = 40;

  private final BrokerFiles files;

  BrokerLog(BrokerFiles files) {
    this.files = files;
  }

  /** True once the log says the server started and the client port accepts a connection. */
  boolean isReady(int port) {
    return logContains(STARTED) && accepts(port);
  }

  private boolean logContains(String text) {
    Path log = files.log();
    if (!Files.exists(log)) {
      return false;
    }
    // The log is small during startup (~3,000 lines): reading it whole every poll is cheap.
    try {
      return Files.readString(log, StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the broker log " + log, e);
    }
  }

  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The last lines of the broker log and of the JVM's own output, for an error message. */
  String tail() {
    StringBuilder text = new StringBuilder();
    append(text, files.log());
    append(text, files.console());
    return text.toString();
  }

  private static void append(StringBuilder text, Path file) {
    text.append("---- last lines of ").append(file).append(" ----\n");
    if (!Files.exists(file)) {
      text.append("(missing)\n");
      return;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> last =
          new ArrayList<>(lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
      if (last.isEmpty()) {
        text.append("(empty)\n");
      }
      last.forEach(line -> text.append(line).append('\n'));
    } catch (IOException e) {
      text.append("(unreadable: ").append(e.getMessage()).append(")\n");
    }
  }
}
