package io.asmnet.processor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Micrometer's own binders: JVM memory, GC, threads, class loading, CPU, uptime, and the Kafka
 * Streams client metrics (consumer lag {@code records-lag-max} included). Their meter names are
 * Micrometer's; {@link PipelineMetrics} names everything of ours. Owns the GC listener and the
 * Kafka metrics refresher thread, released by {@link #close()}.
 */
final class RuntimeBinders implements AutoCloseable {

  /**
   * How often the Kafka binder looks for new client metrics (per-partition lag appears only once
   * partitions are assigned). Micrometer's default is a minute, too slow for a fresh dashboard.
   */
  static final Duration KAFKA_REFRESH = Duration.ofSeconds(10);

  private final MeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private ScheduledExecutorService kafkaRefresher;
  private KafkaStreamsMetrics kafkaStreams;

  RuntimeBinders(MeterRegistry registry) {
    this.registry = registry;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Binds the client metrics of {@code streams}; once only (a second call throws). */
  synchronized void bindKafkaStreams(KafkaStreams streams) {
    if (kafkaStreams != null) {
      throw new IllegalStateException("Kafka Streams metrics are already bound");
    }
    kafkaRefresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "asmnet-kafka-metrics");
              t.setDaemon(true);
              return t;
            });
    kafkaStreams = new KafkaStreamsMetrics(streams, List.of(), kafkaRefresher, KAFKA_REFRESH);
    kafkaStreams.bindTo(registry);
  }

  @Override
  public synchronized void close() {
    if (kafkaStreams != null) {
      kafkaStreams.close();
      kafkaRefresher.shutdownNow();
    }
    gc.close();
  }
}
