package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.LandmarkModel;
import io.asmnet.processor.metrics.MetricsRuntime;
import io.asmnet.processor.metrics.PipelineMetrics;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.topology.PoseTopology;
import io.asmnet.processor.topology.ProductionErrorHandler;
import io.asmnet.processor.topology.Stages;
import io.asmnet.processor.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the processor: topics checked (or created), model opened once, topology built, Kafka
 * Streams started. {@link #run} is what {@code processor run} does; {@link #start} is for tests
 * and embedders, which stop it by closing the returned {@link RunningProcessor}.
 */
public final class ProcessorApp {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);
  private final ProcessorConfig config;
  private final StageFactory stageFactory;

  public ProcessorApp(ProcessorConfig config, StageFactory stageFactory) {
    this.config = config;
    this.stageFactory = stageFactory;
  }

  /** Runs until SIGTERM/SIGINT (returns 0) or a fatal stream error (returns 1). */
  public int run() throws InterruptedException {
    RunningProcessor running = start();
    Thread hook = new Thread(running::close, "asmnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = running.awaitExitCode();
    if (code != 0) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and the hook is running; it closes everything.
      }
      running.close();
    }
    return code;
  }

  /**
   * Starts processing and returns at once: metrics endpoint first (so a failing start is still
   * visible as not ready), then the model, then Kafka Streams.
   *
   * @throws io.asmnet.processor.config.ConfigException topics missing (and topics.create=false)
   * @throws io.asmnet.processor.infer.ModelLoadException model unusable or device unavailable
   * @throws UncheckedIOException the metrics address cannot be bound
   */
  public RunningProcessor start() throws InterruptedException {
    Properties props = StreamsSettings.of(config);
    TopicCheck.ensureTopics(config, props);
    MetricsRuntime obs = startMetrics();
    try {
      BatchedLandmarkEstimator estimator = openEstimator(obs.metrics());
      try {
        // The detectors run where the landmark model runs (AUTO resolved once, not per network).
        ProcessorConfig resolved = config.withInferenceDevice(estimator.device());
        Stages stages = new Stages(stageFactory.decoders(config), stageFactory.locators(resolved), estimator,
            obs.metrics(), Clock.systemUTC());
        obs.metrics().detectorInUse(config.stages().detector().key(), estimator.device().name());
        int maxRecordBytes = TopicLimits.outputRecordLimit(config, props,
            RecordLimits.maxRecordBytes(config.stages().maxPayloadBytes()));
        // Output records Kafka refuses are counted on the pipeline's metrics.
        props.put(ProductionErrorHandler.OBSERVER_CONFIG, obs.metrics());
        return RunningProcessor.start(PoseTopology.build(stages, Topics.of(config.topics()), maxRecordBytes), props,
            estimator, stageFactory, obs);
      } catch (RuntimeException e) {
        estimator.close();
        stageFactory.close();
        throw e;
      }
    } catch (RuntimeException e) {
      obs.close();
      throw e;
    }
  }

  private MetricsRuntime startMetrics() {
    ProcessorConfig.Metrics m = config.metrics();
    try {
      MetricsRuntime obs = MetricsRuntime.start(config.kafka().applicationId(), MetricsRuntime.defaultInstance(),
          m.maxCameras(), m.bind(), m.port());
      LOG.info("metrics at http://{}:{}/metrics", hostForUrl(m.bind()), obs.port());
      return obs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + m.bind() + ":" + m.port()
          + " (metrics.bind / metrics.port): " + e.getMessage(), e);
    }
  }

  private BatchedLandmarkEstimator openEstimator(PipelineMetrics metrics) {
    ProcessorConfig.Inference inf = config.inference();
    LandmarkModel model = LandmarkModel.open(inf.modelPath(), inf.device());
    // The device the session really got (AUTO resolved), not the one asked for.
    metrics.inferenceDevice(model.device().name());
    metrics.modelInUse(model.name(), model.version());
    LOG.info("model {} {} on {}", model.name(), model.version(), model.device());
    return new BatchedLandmarkEstimator(model, model::run, inf.maxBatchSize(), config.kafka().numStreamThreads(),
        inf.maxQueueDelayMicros(), inf.timeoutMillis(), inf.retryMillis(), metrics);
  }

  private static String hostForUrl(String bind) {
    if (bind.contains(":")) {
      return "[" + bind + "]";
    }
    return bind;
  }
}
