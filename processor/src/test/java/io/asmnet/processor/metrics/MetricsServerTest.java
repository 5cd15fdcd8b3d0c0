package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.schemas.avro.FaceSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MetricsServerTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PipelineMetrics metrics = new PipelineMetrics(registry, "asmnet-test", "i1", 50);
  private final AtomicReference<State> state = new AtomicReference<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private MetricsServer server;

  @BeforeEach
  void start() throws Exception {
    server = MetricsServer.start(registry, "127.0.0.1", 0, state::get);
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
    registry.close();
  }

  @Test
  void shouldServeThePrometheusScrapeOnAnEphemeralPort() throws Exception {
    // A non-ASCII camera id: Content-Length must count encoded bytes, not chars.
    metrics.frameProcessed(TestEvents.event("caméra-1", FaceSource.DETECTED));
    metrics.frameProcessed(TestEvents.event("caméra-1"));

    HttpResponse<byte[]> response = get("/metrics");

    assertThat(server.port()).isPositive();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(response.body().length);
    Scrape scrape = Scrape.parse(new String(response.body(), StandardCharsets.UTF_8));
    assertThat(scrape.value("asmnet_frames_total", Map.of("camera", "caméra-1"))).hasValue(2.0);
  }

  @Test
  void shouldReportReadinessFromTheStreamsState() throws Exception {
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);

    state.set(State.RUNNING);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);

    state.set(State.REBALANCING);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
  }

  @Test
  void shouldFailLivenessWhenStreamsIsInError() throws Exception {
    state.set(State.ERROR);

    assertThat(get("/health/live").statusCode()).isEqualTo(503);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    HttpResponse<byte[]> summary = get("/health");
    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(new String(summary.body(), StandardCharsets.UTF_8))
        .startsWith("{\"status\":\"DOWN\",\"live\":false,\"ready\":false,\"state\":\"ERROR\"");
  }

  @Test
  void shouldRejectUnknownPathsAndOtherMethods() throws Exception {
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> post =
        client.send(
            request("/metrics").POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }
}
