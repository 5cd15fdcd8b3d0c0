package io.asmnet.processor.cli;

import io.asmnet.processor.infer.LandmarkEstimator;
import io.asmnet.processor.metrics.MetricsRuntime;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started Kafka Streams client and the estimator it shares. A stream thread that dies is not
 * replaced (the same record would kill the next one): the client shuts down and {@link
 * #awaitExitCode} answers 1. {@link #close} stops Streams first, then the estimator, so no stream
 * thread can still be waiting in the batcher, then the metrics endpoint (it reports the shutdown as
 * not ready until the end).
 */
public final class RunningProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningProcessor.class);
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final LandmarkEstimator estimator;
  private final AutoCloseable stages;
  private final MetricsRuntime metrics;
  private final AutoCloseable stateDirectory;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningProcessor(
      KafkaStreams streams,
      LandmarkEstimator estimator,
      AutoCloseable stages,
      MetricsRuntime metrics,
      AutoCloseable stateDirectory) {
    this.streams = streams;
    this.estimator = estimator;
    this.stages = stages;
    this.metrics = metrics;
    this.stateDirectory = stateDirectory;
  }

  /**
   * @param stages what the stage factory holds for all tasks (the detector networks), closed after
   *     the estimator
   * @param stateDirectory the claim on this instance's state directory, released last
   */
  static RunningProcessor start(
      Topology topology,
      Properties props,
      LandmarkEstimator estimator,
      AutoCloseable stages,
      MetricsRuntime metrics,
      AutoCloseable stateDirectory) {
    KafkaStreams streams = new KafkaStreams(topology, props);
    metrics.bindKafkaStreams(streams);
    metrics.bindInferenceHealth(estimator::health);
    metrics.watchKafka(
        AdminFilter.clientOnly(props),
        props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-contact-watch");
    RunningProcessor running =
        new RunningProcessor(streams, estimator, stages, metrics, stateDirectory);
    running.streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error(
              "stream thread failed; shutting this instance down (its records are retried after restart)",
              e);
          running.failed.set(true);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    running.streams.setStateListener(
        (now, before) -> {
          LOG.info("streams state {} -> {}", before, now);
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            running.stopped.countDown();
          }
        });
    running.streams.start();
    return running;
  }

  /** The port the metrics endpoint listens on (useful with {@code metrics.port=0}). */
  public int metricsPort() {
    return metrics.port();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Blocks until the client stops: 0 after {@link #close}, 1 after a fatal stream error. */
  public int awaitExitCode() throws InterruptedException {
    stopped.await();
    return failed.get() || streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info(
        "stopping: closing Kafka Streams (up to {} s), then the model", CLOSE_TIMEOUT.toSeconds());
    // Leave the group: a stopped instance's partitions move at once instead of after the session
    // timeout (45 s by default), so a restart or another instance resumes without a stall.
    if (!streams.close(
        CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT))) {
      LOG.warn("Kafka Streams did not close within {} s", CLOSE_TIMEOUT.toSeconds());
    }
    estimator.close();
    try {
      stages.close();
    } catch (Exception e) {
      LOG.warn("closing the stages' shared resources failed", e);
    }
    metrics.close();
    try {
      stateDirectory.close();
    } catch (Exception e) {
      LOG.warn("cannot release the state directory: {}", e.toString());
    }
    stopped.countDown();
  }
}
