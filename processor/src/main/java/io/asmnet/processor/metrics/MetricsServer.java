package io.asmnet.processor.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server (the JDK's) for scrapes and probes:
 *
 * <ul>
 *   <li>{@code GET /metrics}: the format the {@code Accept} header asks for, chosen by the
 *       Prometheus client's own {@link ExpositionFormats} (OpenMetrics text for {@code
 *       application/openmetrics-text}, protobuf for Prometheus' native-histogram scrape, else text
 *       format 0.0.4), gzip-compressed when {@code Accept-Encoding} allows gzip;
 *   <li>{@code GET /health/live}, {@code /health/ready}: 200 or 503 with the JSON summary, by
 *       {@link StreamsHealth} and the inference batcher's {@link ComponentHealth};
 *   <li>{@code GET /health}: the JSON summary, always 200.
 * </ul>
 *
 * Binds {@code bindAddress:port} (port 0 picks a free one: see {@link #port()}). Default bind
 * address is loopback; in a container use 0.0.0.0. Owns its threads; {@link #close()} stops them.
 */
public final class MetricsServer implements AutoCloseable {

  /** Where the server listens unless told otherwise: reachable from this host only. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
  private static final String JSON = "application/json";
  // The Prometheus text exposition format, what a scrape without an Accept header gets.
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;
  private final Supplier<HealthReport> health;

  private MetricsServer(
      HttpServer server, PrometheusMeterRegistry registry, Supplier<HealthReport> health) {
    this.server = server;
    this.registry = registry;
    this.health = health;
    // Two threads: a slow scrape must not block a liveness probe.
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "asmnet-metrics-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/metrics", exact("/metrics", this::metrics));
    server.createContext("/health", exact("/health", ex -> health(ex, h -> true)));
    server.createContext("/health/live", exact("/health/live", ex -> health(ex, h -> h.live())));
    server.createContext("/health/ready", exact("/health/ready", ex -> health(ex, h -> h.ready())));
  }

  /**
   * Starts serving.
   *
   * @param streamsState the current Kafka Streams state; may return null before the client exists
   * @throws IOException if the address cannot be bound
   */
  public static MetricsServer start(
      PrometheusMeterRegistry registry,
      String bindAddress,
      int port,
      Supplier<KafkaStreams.State> streamsState)
      throws IOException {
    return start(registry, bindAddress, port, streamsState, () -> ComponentHealth.UP);
  }

  /**
   * Starts serving, with the inference batcher's health as part of {@code /health/*}.
   *
   * @param inference the batcher's current health
   */
  public static MetricsServer start(
      PrometheusMeterRegistry registry,
      String bindAddress,
      int port,
      Supplier<KafkaStreams.State> streamsState,
      Supplier<ComponentHealth> inference)
      throws IOException {
    return startWithReport(
        registry,
        bindAddress,
        port,
        () -> new HealthReport(StreamsHealth.of(streamsState.get()), inference.get()));
  }

  /**
   * Starts serving, with the health endpoints answering from {@code health} (asked once per probe).
   *
   * @throws IOException if the address cannot be bound
   */
  public static MetricsServer startWithHealth(
      PrometheusMeterRegistry registry,
      String bindAddress,
      int port,
      Supplier<StreamsHealth> health)
      throws IOException {
    return startWithReport(
        registry, bindAddress, port, () -> new HealthReport(health.get(), ComponentHealth.UP));
  }

  /**
   * Starts serving, the health endpoints answering from the Streams and inference health together.
   */
  static MetricsServer startWithReport(
      PrometheusMeterRegistry registry, String bindAddress, int port, Supplier<HealthReport> health)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    MetricsServer server = new MetricsServer(http, registry, health);
    http.start();
    LOG.info("Metrics and health on http://{}:{}/metrics", bindAddress, server.port());
    return server;
  }

  /** The bound port (the real one when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void metrics(HttpExchange exchange) throws IOException {
    // The writer the client picks for this Accept header; Micrometer's scrape picks the same one
    // by its content type, so the header and the body agree.
    String contentType =
        FORMATS.findWriter(exchange.getRequestHeaders().getFirst("Accept")).getContentType();
    ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    boolean gzip = acceptsGzip(exchange.getRequestHeaders().get("Accept-Encoding"));
    try (OutputStream out = gzip ? new GZIPOutputStream(body) : body) {
      registry.scrape(out, contentType);
    }
    if (gzip) {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
    send(exchange, 200, contentType, body.toByteArray());
  }

  /** Whether any {@code Accept-Encoding} header lists gzip without {@code q=0}. */
  static boolean acceptsGzip(List<String> acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String header : acceptEncoding) {
      for (String part : header.split(",")) {
        String[] fields = part.trim().split(";");
        if (fields[0].trim().equalsIgnoreCase("gzip") && !refused(fields)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean refused(String[] fields) {
    for (int i = 1; i < fields.length; i++) {
      String f = fields[i].trim().replace(" ", "");
      if (f.startsWith("q=")) {
        try {
          return Double.parseDouble(f.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return false; // a malformed weight does not refuse
        }
      }
    }
    return false;
  }

  private void health(HttpExchange exchange, java.util.function.Predicate<HealthReport> ok)
      throws IOException {
    HealthReport now = health.get();
    send(exchange, ok.test(now) ? 200 : 503, JSON, now.json());
  }

  private static HttpHandler exact(String path, HttpHandler handler) {
    return exchange -> {
      try (exchange) {
        String method = exchange.getRequestMethod();
        if (!exchange.getRequestURI().getPath().equals(path)) {
          send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
        } else {
          handler.handle(exchange);
        }
      } catch (RuntimeException | IOException e) {
        LOG.warn("Metrics endpoint {} failed", path, e);
      }
    };
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    // Content-Length is the encoded byte count, not the String's length (they differ for non-ASCII
    // label values such as camera names).
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
