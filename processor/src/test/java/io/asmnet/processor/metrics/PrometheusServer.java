package io.asmnet.processor.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Prometheus ({@code prometheus} binary on the PATH, Debian package {@code prometheus})
 * listening on 127.0.0.1, scraping one target, with its config and TSDB in a temporary directory of
 * its own. {@link #close} stops exactly the process this object started (by its handle: destroy,
 * wait, then destroyForcibly) and deletes the directory.
 */
final class PrometheusServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path dir;
  private final String api;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.api = "http://127.0.0.1:" + port;
  }

  /**
   * Starts Prometheus scraping {@code 127.0.0.1:targetPort/metrics} every {@code scrapeInterval}.
   */
  static PrometheusServer start(int targetPort, Duration scrapeInterval) throws IOException {
    return start(targetPort, scrapeInterval, null);
  }

  /**
   * As {@link #start(int, Duration)}, evaluating the alerting rules of {@code ruleFile} (null:
   * none) every {@code scrapeInterval}. The job name and labels are those of {@code
   * docker/prometheus.yml}: {@code instance} is the target's address.
   */
  static PrometheusServer start(int targetPort, Duration scrapeInterval, Path ruleFile)
      throws IOException {
    Path dir = Files.createTempDirectory("asmnet-prometheus-");
    String every = GrafanaVariables.promDuration(scrapeInterval);
    String rules = "";
    if (ruleFile != null) {
      Files.copy(ruleFile, dir.resolve("rules.yml"));
      rules = "rule_files: [rules.yml]\n";
    }
    Path config =
        Files.writeString(
            dir.resolve("prometheus.yml"),
            String.join(
                "\n",
                "global: {scrape_interval: " + every + ", evaluation_interval: " + every + "}",
                rules + "scrape_configs:",
                "  - job_name: asmnet-processor",
                "    static_configs: [{targets: ['127.0.0.1:" + targetPort + "']}]",
                ""));
    int port = freePort();
    Process process =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    LOG.info(
        "prometheus pid {} on 127.0.0.1:{} scraping 127.0.0.1:{} every {}",
        process.pid(),
        port,
        targetPort,
        every);
    return new PrometheusServer(process, dir, port);
  }

  /**
   * Evaluates {@code expr} at {@code time} (HTTP API {@code /api/v1/query}); answers the result
   * array, or throws with Prometheus's error. Fails at once if the process has died.
   */
  JsonNode query(String expr, Instant time) throws IOException, InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException("prometheus exited (" + process.exitValue() + "): " + log());
    }
    URI uri =
        URI.create(
            api
                + "/api/v1/query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&time="
                + time.toEpochMilli() / 1000.0);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (!"success".equals(body.path("status").asText())) {
      throw new IllegalArgumentException(
          body.path("errorType").asText() + ": " + body.path("error").asText());
    }
    return body.path("data").path("result");
  }

  /** The loaded rule groups ({@code /api/v1/rules}: each rule's health, lastError, state). */
  JsonNode rules() throws IOException, InterruptedException {
    return get("/api/v1/rules").path("groups");
  }

  /** The pending and firing alerts ({@code /api/v1/alerts}). */
  JsonNode alerts() throws IOException, InterruptedException {
    return get("/api/v1/alerts").path("alerts");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (!"success".equals(body.path("status").asText())) {
      throw new IllegalStateException(path + ": " + body.path("error").asText());
    }
    return body.path("data");
  }

  /** True once the HTTP API answers. */
  boolean ready() throws InterruptedException {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(api + "/-/ready")).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      LOG.warn("prometheus pid {} ignored SIGTERM for 10 s; killing it", process.pid());
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
