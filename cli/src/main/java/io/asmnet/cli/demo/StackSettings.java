package io.asmnet.cli.demo;

import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link LocalStack} starts: an embedded broker (when {@code bootstrapServers} is null) and
 * an in-process processor with the default topic names.
 *
 * @param bootstrapServers an existing broker, or null for an embedded one
 * @param partitions partitions of the topics it creates
 * @param model the exported ONNX model
 * @param device inference device: auto, cpu or cuda
 * @param metricsPort port of the metrics endpoint on 127.0.0.1; 0 picks a free one
 * @param stateDir Kafka Streams' state folder (a temporary one)
 * @param startupTimeout how long the processor may take to start consuming
 * @param wire the processor's wire-format settings ({@code serde.format}, {@code
 *     schema.registry.url})
 */
public record StackSettings(
    String bootstrapServers,
    int partitions,
    Path model,
    String device,
    int metricsPort,
    Path stateDir,
    Duration startupTimeout,
    Map<String, String> wire) {
  /** Topic names: the processor's defaults. */
  public static final String FRAMES = "frames";

  public static final String EVENTS = "pose-events";
  public static final String DEAD_LETTERS = "frames-dlq";

  /** The processor's usual metrics port, taken when free. */
  public static final int DEFAULT_METRICS_PORT = 9464;

  /**
   * Consumer group of the demo's processor (not the production one's, which may share a broker).
   */
  static final String APPLICATION_ID = "asmnet-demo";

  /** Settings in single-object encoding. */
  public StackSettings(
      String bootstrapServers,
      int partitions,
      Path model,
      String device,
      int metricsPort,
      Path stateDir,
      Duration startupTimeout) {
    this(
        bootstrapServers,
        partitions,
        model,
        device,
        metricsPort,
        stateDir,
        startupTimeout,
        Map.of());
  }

  public StackSettings {
    wire = Map.copyOf(wire);
    if (partitions < 1
        || model == null
        || device == null
        || stateDir == null
        || startupTimeout == null) {
      throw new IllegalArgumentException(
          "partitions >= 1, model, device, state dir and startup timeout required");
    }
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new IllegalArgumentException("metrics port must be 0..65535: " + metricsPort);
    }
  }

  /** True when this stack starts its own broker. */
  public boolean embeddedBroker() {
    return bootstrapServers == null;
  }

  /** The processor's configuration on {@code broker}: topics exist already, metrics on loopback. */
  ProcessorConfig processorConfig(String broker, Duration brokerTimeout) {
    Map<String, String> sets = new HashMap<>();
    sets.put("bootstrap.servers", broker);
    sets.put("application.id", APPLICATION_ID);
    sets.put("topic.frames", FRAMES);
    sets.put("topic.pose.events", EVENTS);
    sets.put("topic.dead.letters", DEAD_LETTERS);
    sets.put("model.path", model.toString());
    sets.put("inference.device", device);
    sets.put("metrics.bind", "127.0.0.1");
    sets.put("metrics.port", String.valueOf(metricsPort));
    sets.put("state.dir", stateDir.toString());
    sets.put("topics.create", "true");
    sets.put("broker.timeout.s", String.valueOf(Math.max(1, brokerTimeout.toSeconds())));
    sets.put("topics.partitions", String.valueOf(partitions));
    sets.putAll(wire);
    // Not the process environment: the demo must not pick up a production processor's ASMNET_*.
    return ConfigLoader.load(null, Map.of(), sets);
  }

  /**
   * {@link #DEFAULT_METRICS_PORT} when nothing listens there on 127.0.0.1, else 0 (any free one).
   */
  public static int defaultMetricsPort() {
    try (ServerSocket probe =
        new ServerSocket(DEFAULT_METRICS_PORT, 1, InetAddress.getLoopbackAddress())) {
      return DEFAULT_METRICS_PORT;
    } catch (IOException e) {
      return 0;
    }
  }
}
