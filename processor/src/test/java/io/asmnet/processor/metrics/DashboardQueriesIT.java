package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asmnet.processor.deploy.Commands;
import io.asmnet.processor.metrics.DashboardQueries.Query;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.FaceSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard expression, evaluated by a real Prometheus (the {@code prometheus} binary, Debian
 * package {@code prometheus}) scraping a real {@link MetricsServer} while events, batches and dead
 * letters flow through {@link PipelineMetrics}; the Kafka Streams binder is bound to a created,
 * unstarted client. Each expression must evaluate without error and return a series. Skipped when
 * {@code prometheus} is not installed.
 */
@Tag("integration")
@Timeout(180)
class DashboardQueriesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldEvaluateEveryDashboardExpressionToASeries(@TempDir Path dir) throws Exception {
    assumeTrue(
        Commands.onPath("prometheus"), "prometheus is not installed: expressions not evaluated");
    List<Query> queries = DashboardQueries.all(DashboardQueries.dashboardsDir());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
    Process prometheus = null;
    try (PipelineMetrics metrics = new PipelineMetrics(registry, "dashboard-it", "it-1", 50);
        KafkaStreams streams = UnstartedStreams.create("dashboard-it", dir.resolve("state"));
        MetricsServer server = MetricsServer.start(registry, "127.0.0.1", 0, streams::state)) {
      metrics.bindKafkaStreams(streams);
      metrics.inferenceDevice("cpu");
      traffic.scheduleAtFixedRate(() -> someTraffic(metrics), 0, 100, TimeUnit.MILLISECONDS);
      int port = freePort();
      prometheus = startPrometheus(dir, server.port(), port);
      String api = "http://127.0.0.1:" + port;
      awaitSamples(api);

      List<String> failures = new ArrayList<>();
      for (Query query : queries) {
        String problem =
            evaluate(
                api, DashboardPromQlSyntaxTest.concrete(query.expr()).replace("[1m]", "[10s]"));
        if (problem != null) {
          failures.add(query.dashboard() + " " + query.where() + ": " + problem);
        }
      }
      assertThat(failures).as("expressions that failed or returned nothing").isEmpty();
      streams.close(Duration.ofSeconds(5));
    } finally {
      traffic.shutdownNow();
      if (prometheus != null) {
        prometheus.destroy();
        prometheus.waitFor(10, TimeUnit.SECONDS);
      }
      registry.close();
    }
  }

  private static void someTraffic(PipelineMetrics metrics) {
    metrics.frameProcessed(TestEvents.event("cam-1", FaceSource.DETECTED, FaceSource.TRACKED));
    metrics.frameProcessed(TestEvents.event("cam-2", FaceSource.TRACKED));
    metrics.frameProcessed(TestEvents.event("cam-2"));
    metrics.batchRun(3, 1_200, 7_000);
    metrics.deadLetter(ErrorKind.CORRUPT_PAYLOAD);
  }

  private static Process startPrometheus(Path dir, int targetPort, int port) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("prometheus.yml"),
            String.join(
                "\n",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}",
                "scrape_configs:",
                "  - job_name: asmnet-processor",
                "    honor_labels: true",
                "    static_configs: [{targets: ['127.0.0.1:" + targetPort + "']}]",
                ""));
    return new ProcessBuilder(
            "prometheus",
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("tsdb"),
            "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
  }

  /** Waits until Prometheus has several scrapes of our counters (rate() needs two). */
  private void awaitSamples(String api) throws Exception {
    String query = "count_over_time(asmnet_dead_letters_total{kind=\"corrupt_payload\"}[1m])";
    for (int i = 0; i < 120; i++) {
      try {
        JsonNode result = query(api, query).path("data").path("result");
        if (result.size() > 0 && result.get(0).path("value").get(1).asDouble() >= 5) {
          return;
        }
      } catch (java.io.IOException notUpYet) {
        // Prometheus is still starting.
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Prometheus did not scrape the metrics server within 60 s");
  }

  /** Null when the expression evaluates to at least one series, else what went wrong. */
  private String evaluate(String api, String expr) throws Exception {
    JsonNode body = query(api, expr);
    if (!"success".equals(body.path("status").asText())) {
      return body.path("error").asText() + " in " + expr;
    }
    return body.path("data").path("result").isEmpty() ? "no series for " + expr : null;
  }

  private JsonNode query(String api, String expr) throws Exception {
    URI uri =
        URI.create(api + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
