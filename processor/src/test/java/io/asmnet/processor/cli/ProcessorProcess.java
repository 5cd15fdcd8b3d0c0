package io.asmnet.processor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code processor run} as an operating-system process of its own (this JVM's classpath, so the
 * build under test), for what only a real process shows: {@link #kill()} is a kill -9, after which
 * nothing of the instance runs and its group member simply stops answering.
 */
final class ProcessorProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int metricsPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A health answer: the HTTP status and the JSON body. */
  record Health(int status, String body) {}

  private ProcessorProcess(Process process, Path log, int metricsPort) {
    this.process = process;
    this.log = log;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts {@code processor run --set k=v ...} with metrics on a free port; output goes to {@code
   * log}.
   */
  static ProcessorProcess start(Map<String, String> settings, Path log) throws IOException {
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ProcessorCommand.class.getName(),
                "run"));
    settings.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
    command.addAll(List.of("--set", "metrics.port=" + port));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ProcessorProcess(p, log, port);
  }

  /** GET {@code /health/ready}; status 0 while nothing answers (not started yet). */
  Health ready() {
    return ready(http, metricsPort);
  }

  /**
   * GET {@code /health/ready} of whatever listens on {@code port}; status 0 when nothing answers.
   */
  static Health ready(HttpClient http, int port) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Health(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Health(0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(0, "interrupted");
    }
  }

  /** Polls readiness every 200 ms until it answers 200; returns every answer seen. */
  List<Health> awaitReady() throws InterruptedException {
    List<Health> seen = new ArrayList<>();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "processor exited with " + process.exitValue() + ":\n" + logTail());
      }
      Health h = ready();
      seen.add(h);
      if (h.status() == 200) {
        return seen;
      }
      Thread.sleep(200);
    }
  }

  /** SIGKILL, as kill -9: no shutdown hook, no leave-group, nothing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM and wait: the clean stop a supervisor does. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
