package io.asmnet.processor.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry (the {@code io.apicurio:apicurio-registry-app} runnable zip from Maven
 * Central, unpacked by the build into {@code target/apicurio-registry}) in its own JVM on
 * 127.0.0.1, with its default in-memory H2 storage. Started and stopped by the process handle this
 * class holds; its log and Vert.x cache live in a temporary folder removed on close.
 */
public final class RegistryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final Process process;
  private final Path work;
  private final int port;
  private final Duration startup;

  private RegistryServer(Process process, Path work, int port, Duration startup) {
    this.process = process;
    this.work = work;
    this.port = port;
    this.startup = startup;
  }

  /** Starts the registry found under {@code home} and waits until it answers as ready. */
  public static RegistryServer start(Path home) throws IOException, InterruptedException {
    Path jar = runnerJar(home);
    Path work = Files.createTempDirectory("asmnet-registry-");
    int port = freePort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.http.port=" + port,
            // The production profile opens 20 database connections up front; in memory one is
            // enough.
            "-Dquarkus.datasource.jdbc.initial-size=1",
            "-Dquarkus.datasource.jdbc.min-size=1",
            "-Dvertx.cacheDirBase=" + work.resolve("vertx"),
            "-jar",
            jar.toString());
    long t0 = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("registry.log").toFile())
            .start();
    RegistryServer server = new RegistryServer(process, work, port, Duration.ZERO);
    try {
      server.awaitReady(t0);
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - t0);
    LOG.info(
        "Apicurio Registry {} on {} ready after {} ms (pid {})",
        jar.getFileName(),
        server.baseUrl(),
        startup.toMillis(),
        process.pid());
    return new RegistryServer(process, work, port, startup);
  }

  private void awaitReady(long t0) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (System.nanoTime() - t0 < START_TIMEOUT.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the registry exited with code " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the registry was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
  }

  private static Path runnerJar(Path home) throws IOException {
    if (!Files.isDirectory(home)) {
      throw new IllegalStateException(
          "no registry at "
              + home.toAbsolutePath()
              + " (the build unpacks io.apicurio:apicurio-registry-app there before the ITs: run them with mvn verify)");
    }
    try (Stream<Path> files = Files.list(home)) {
      return files
          .filter(p -> p.getFileName().toString().matches("apicurio-registry-app-.*-runner\\.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no apicurio-registry-app-*-runner.jar in " + home));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** {@code http://127.0.0.1:PORT}: what {@code schema.registry.url} is given. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** How long the start took, to the first ready answer. */
  public Duration startup() {
    return startup;
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(work.resolve("registry.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops exactly the process started here, then removes its folder. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", work, e.getMessage());
    }
  }
}
