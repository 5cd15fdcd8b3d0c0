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

  @Test
  void shouldSpeakOpenMetricsWhenAsked() throws Exception {
    metrics.frameProcessed(TestEvents.event("cam-1"));

    HttpResponse<byte[]> response =
        client.send(
            request("/metrics")
                .header(
                    "Accept",
                    "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/openmetrics-text"));
    assertThat(body)
        .endsWith("# EOF\n")
        .contains("# TYPE asmnet_frames counter", "asmnet_frames_total{");
  }

  @Test
  void shouldCompressWithGzipWhenAccepted() throws Exception {
    metrics.frameProcessed(TestEvents.event("cam-1"));
    String plain = new String(get("/metrics").body(), StandardCharsets.UTF_8);

    HttpResponse<byte[]> response =
        client.send(
            request("/metrics").header("Accept-Encoding", "gzip").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(response.body().length);
    byte[] unzipped;
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      unzipped = in.readAllBytes();
    }
    String text = new String(unzipped, StandardCharsets.UTF_8);
    assertThat(response.body().length).isLessThan(unzipped.length / 3);
    assertThat(Scrape.parse(text).value("asmnet_frames_total", Map.of("camera", "cam-1")))
        .isEqualTo(Scrape.parse(plain).value("asmnet_frames_total", Map.of("camera", "cam-1")));
    assertThat(get("/metrics").headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void shouldNotCompressWhenGzipIsRefused() {
    assertThat(MetricsServer.acceptsGzip(java.util.List.of("gzip;q=0, identity"))).isFalse();
    assertThat(MetricsServer.acceptsGzip(java.util.List.of("deflate, GZIP;q=0.5"))).isTrue();
    assertThat(MetricsServer.acceptsGzip(null)).isFalse();
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }
}
