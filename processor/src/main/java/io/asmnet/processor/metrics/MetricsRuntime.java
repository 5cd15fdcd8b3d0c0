package io.asmnet.processor.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything observability needs for one processor, started together and closed together: a
 * Prometheus registry, the {@link PipelineMetrics} on it and the {@link MetricsServer} serving it.
 * Wiring, in order:
 *
 * <pre>{@code
 * try (MetricsRuntime obs = MetricsRuntime.start(appId, MetricsRuntime.defaultInstance(),
 *     PipelineMetrics.DEFAULT_MAX_CAMERAS, bindAddress, port)) {
 *   PipelineObserver observer = obs.metrics();      // give it to the stages and the batcher
 *   obs.metrics().inferenceDevice("cuda");          // once the model is open
 *   KafkaStreams streams = new KafkaStreams(topology, props);
 *   obs.bindKafkaStreams(streams);                  // client metrics + health from its state
 *   obs.watchKafka(adminProps, clientId);           // a lost broker shows in health and the log
 *   streams.start();
 * }
 * }</pre>
 *
 * Until {@link #bindKafkaStreams} the health endpoints answer live but not ready.
 */
public final class MetricsRuntime implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  private final PipelineMetrics metrics;
  private final MetricsServer server;
  private volatile KafkaStreams streams;
  private volatile Supplier<ComponentHealth> inference = () -> ComponentHealth.UP;
  private volatile KafkaContactWatch contactWatch;

  private MetricsRuntime(
      String applicationId, String instance, int maxCameras, String bindAddress, int port)
      throws IOException {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.metrics = new PipelineMetrics(registry, applicationId, instance, maxCameras);
    MetricsServer started;
    try {
      started = MetricsServer.startWithReport(registry, bindAddress, port, this::report);
    } catch (IOException | RuntimeException e) {
      metrics.close();
      registry.close();
      throw e;
    }
    this.server = started;
  }

  /**
   * Creates the registry and meters and starts serving {@code http://bindAddress:port/metrics}.
   *
   * @param instance the {@link PipelineMetrics#PROCESSOR_LABEL} label on every series (e.g. {@link
   *     #defaultInstance()})
   * @param port 0 picks a free port; {@link #port()} tells which
   * @throws IOException if the address cannot be bound (port in use, unknown address)
   */
  public static MetricsRuntime start(
      String applicationId, String instance, int maxCameras, String bindAddress, int port)
      throws IOException {
    return new MetricsRuntime(
        Objects.requireNonNull(applicationId, "applicationId"),
        Objects.requireNonNull(instance, "instance"),
        maxCameras,
        Objects.requireNonNull(bindAddress, "bindAddress"),
        port);
  }

  /** This host's name ({@code HOSTNAME}, else the resolved local name, else "unknown"). */
  public static String defaultInstance() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  /** The observer to hand to the pipeline. */
  public PipelineMetrics metrics() {
    return metrics;
  }

  /**
   * Binds the client's metrics and makes its state and tasks drive {@code /health/*}; call once.
   */
  public void bindKafkaStreams(KafkaStreams kafkaStreams) {
    metrics.bindKafkaStreams(kafkaStreams);
    metrics.bindHealth(this::health, () -> report().ready());
    this.streams = kafkaStreams;
  }

  /** Makes the inference batcher's health part of {@code /health/*}. */
  public void bindInferenceHealth(Supplier<ComponentHealth> health) {
    this.inference = Objects.requireNonNull(health, "health");
  }

  /**
   * Starts probing Kafka (see {@link KafkaContactWatch}) with these admin-client settings, so a
   * lost broker makes {@code /health/ready} fail and is logged; call once. Closed with this
   * runtime.
   */
  public void watchKafka(Properties adminProps, String clientId) {
    this.contactWatch = KafkaContactWatch.start(adminProps, clientId);
  }

  /** The health the endpoints and the {@code asmnet_ready} gauge report now. */
  public StreamsHealth health() {
    KafkaStreams current = streams;
    KafkaContactWatch watch = contactWatch;
    KafkaContact kafka = watch == null ? KafkaContact.UNKNOWN : watch.contact();
    if (current == null) {
      return StreamsHealth.of(null, -1, kafka);
    }
    KafkaStreams.State state = current.state();
    return StreamsHealth.of(
        state, state == KafkaStreams.State.RUNNING ? activeTasks(current) : 0, kafka);
  }

  private static int activeTasks(KafkaStreams client) {
    try {
      return client.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    } catch (IllegalStateException e) {
      return 0; // the client left RUNNING between the two calls
    }
  }

  /** The Streams and inference health together: what {@code /health/*} answer. */
  HealthReport report() {
    return new HealthReport(health(), inference.get());
  }

  /** The port the metrics server listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    KafkaContactWatch watch = contactWatch;
    if (watch != null) {
      watch.close();
    }
    server.close();
    metrics.close();
    registry.close();
  }
}
