package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.LandmarkEstimator;
import io.asmnet.processor.infer.LandmarkModel;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.processor.topology.AvroSingleObjectWire;
import io.asmnet.processor.topology.PoseTopology;
import io.asmnet.processor.topology.Stages;
import io.asmnet.processor.topology.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires and runs the processor: topics checked, model opened once, topology built, Kafka Streams
 * started; returns when the client stops. A stream thread dying is not papered over by replacing
 * it (the same record would kill the next one): the client shuts down and {@link #run} returns 1.
 */
public final class ProcessorApp {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final ProcessorConfig config;
  private final StageFactory stageFactory;

  public ProcessorApp(ProcessorConfig config, StageFactory stageFactory) {
    this.config = config;
    this.stageFactory = stageFactory;
  }

  /** Runs until SIGTERM/SIGINT (returns 0) or a fatal stream error (returns 1). */
  public int run() throws InterruptedException {
    Properties props = StreamsSettings.of(config);
    TopicCheck.ensureTopics(config, props);
    ProcessorConfig.Inference inf = config.inference();
    PipelineObserver observer = stageFactory.observer(config);
    LandmarkModel model = LandmarkModel.open(inf.modelPath(), inf.device());
    LandmarkEstimator estimator = new BatchedLandmarkEstimator(model, inf.maxBatchSize(), inf.maxQueueDelayMicros(), observer);
    Stages stages;
    try {
      stages = new Stages(stageFactory.decoders(config), stageFactory.locators(config), estimator, observer,
          Clock.systemUTC());
    } catch (RuntimeException e) {
      estimator.close();
      throw e;
    }
    // Swap AvroSingleObjectWire for the schemas module's serdes here once they land.
    Topics topics = Topics.of(config.topics(), new AvroSingleObjectWire());
    KafkaStreams streams = new KafkaStreams(PoseTopology.build(stages, topics), props);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean failed = new AtomicBoolean();
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; shutting down this instance (the record will be retried after restart)", e);
      failed.set(true);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> {
      LOG.info("streams state {} -> {}", before, now);
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    Thread hook = new Thread(() -> stop(streams, estimator), "asmnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    streams.start();
    LOG.info("processing {} -> {} (dead letters: {}) as {}", topics.frames().name(), topics.poseEvents().name(),
        topics.deadLetters().name(), config.kafka().applicationId());
    stopped.await();
    if (failed.get() || streams.state() == KafkaStreams.State.ERROR) {
      removeHook(hook);
      stop(streams, estimator);
      return 1;
    }
    return 0;
  }

  private static void stop(KafkaStreams streams, LandmarkEstimator estimator) {
    LOG.info("stopping: closing Kafka Streams (up to {} s), then the model", CLOSE_TIMEOUT.toSeconds());
    if (!streams.close(CLOSE_TIMEOUT)) {
      LOG.warn("Kafka Streams did not close within {} s", CLOSE_TIMEOUT.toSeconds());
    }
    // Only after the stream threads are gone: none may be waiting in the batcher any more.
    estimator.close();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is running; it will close everything.
    }
  }
}
