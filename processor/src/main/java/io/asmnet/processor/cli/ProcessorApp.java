package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.emit.RecordLimits;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.LandmarkModel;
import io.asmnet.processor.metrics.MetricsRuntime;
import io.asmnet.processor.metrics.PipelineMetrics;
import io.asmnet.processor.topology.PoseTopology;
import io.asmnet.processor.topology.ProductionErrorHandler;
import io.asmnet.processor.topology.Stages;
import io.asmnet.processor.topology.Topics;
import io.asmnet.schemas.serde.WireFormat;
import java.io.IOException;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the processor: topics checked (or created), model opened once, topology built, Kafka
 * Streams started. {@link #run} is what {@code processor run} does; {@link #start} is for tests and
 * embedders, which stop it by closing the returned {@link RunningProcessor}.
 */
public final class ProcessorApp {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);
  private final ProcessorConfig config;
  private final StageFactory stageFactory;

  public ProcessorApp(ProcessorConfig config, StageFactory stageFactory) {
    this.config = config;
    this.stageFactory = stageFactory;
  }

  /**
   * Runs until SIGTERM/SIGINT (returns 0 once everything is closed) or a fatal stream error
   * (returns 1).
   */
  public int run() throws InterruptedException {
    try (TerminationSignals signals = TerminationSignals.install()) {
      RunningProcessor running = start();
      // Signals are handled above; the hook covers the other ways the JVM can be asked to exit.
      Thread hook = new Thread(running::close, "asmnet-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      signals.onStop(running::close);
      int code = running.awaitExitCode();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and the hook is running; it closes everything.
      }
      if (code != 0) {
        running.close();
      }
      return code;
    }
  }

  /**
   * Starts processing and returns at once: metrics endpoint first (so a failing start is still
   * visible as not ready), then the topics, the model, then Kafka Streams in its own state
   * directory.
   *
   * @throws io.asmnet.processor.config.ConfigException a bad setting (Kafka values, metrics address
   *     or port, state directory), or topics missing (and topics.create=false)
   * @throws io.asmnet.processor.infer.ModelLoadException model unusable or device unavailable
   * @throws KafkaUnavailableException the broker did not answer within broker.timeout.s
   */
  public RunningProcessor start() throws InterruptedException {
    Properties props = StreamsSettings.of(config);
    MetricsRuntime obs = startMetrics();
    StateDirectory state = null;
    try {
      provisioner(config).ensure(TopicSpec.of(config), config.kafka().createTopics());
      state = StateDirectory.claim(config.kafka().stateDir());
      props.put(StreamsConfig.STATE_DIR_CONFIG, state.path().toString());
      LOG.info("Kafka Streams state in {}", state.path());
      BatchedLandmarkEstimator estimator = openEstimator(obs.metrics());
      try {
        // The detectors run where the landmark model runs (AUTO resolved once, not per network).
        ProcessorConfig resolved = config.withInferenceDevice(estimator.device());
        Stages stages =
            new Stages(
                stageFactory.decoders(config),
                stageFactory.locators(resolved),
                estimator,
                obs.metrics(),
                Clock.systemUTC());
        obs.metrics().detectorInUse(config.stages().detector().key(), estimator.device().name());
        int maxRecordBytes =
            TopicLimits.outputRecordLimit(
                config, props, RecordLimits.maxRecordBytes(config.stages().maxPayloadBytes()));
        // Output records Kafka refuses are counted on the pipeline's metrics.
        props.put(ProductionErrorHandler.OBSERVER_CONFIG, obs.metrics());
        WireFormat wire = config.wire().open();
        LOG.info("values in {} encoding", wire.description());
        props.put(ProductionErrorHandler.WIRE_FORMAT_CONFIG, wire);
        AutoCloseable closing =
            () -> {
              try {
                stageFactory.close();
              } finally {
                wire.close();
              }
            };
        Duration cameraIdle = Duration.ofMillis(config.stages().cameraIdleMillis());
        try {
          return RunningProcessor.start(
              PoseTopology.build(
                  stages, Topics.of(config.topics(), wire), maxRecordBytes, cameraIdle),
              props,
              estimator,
              closing,
              obs,
              state);
        } catch (RuntimeException e) {
          wire.close();
          throw e;
        }
      } catch (RuntimeException e) {
        estimator.close();
        stageFactory.close();
        throw e;
      }
    } catch (org.apache.kafka.common.config.ConfigException e) {
      closeAll(obs, state);
      throw new ConfigException("Kafka refused a setting: " + e.getMessage());
    } catch (RuntimeException e) {
      closeAll(obs, state);
      throw e;
    }
  }

  private static void closeAll(MetricsRuntime obs, StateDirectory state) {
    obs.close();
    if (state != null) {
      state.close();
    }
  }

  /**
   * Creates topics with the admin client's share of the Streams settings, bounded by
   * broker.timeout.s.
   */
  static TopicProvisioner provisioner(ProcessorConfig config) {
    Map<String, Object> admin = new HashMap<>();
    AdminFilter.clientOnly(StreamsSettings.of(config))
        .forEach((k, v) -> admin.put(k.toString(), v));
    int ms = (int) config.kafka().brokerTimeout().toMillis();
    admin.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    // Without a cap the client backs off up to 1 s between tries; keep retries snappy.
    admin.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    return new TopicProvisioner(admin, config.kafka().brokerTimeout());
  }

  private MetricsRuntime startMetrics() {
    ProcessorConfig.Metrics m = config.metrics();
    try {
      MetricsRuntime obs =
          MetricsRuntime.start(
              config.kafka().applicationId(),
              MetricsRuntime.defaultInstance(),
              m.maxCameras(),
              m.bind(),
              m.port());
      LOG.info("metrics at http://{}:{}/metrics", hostForUrl(m.bind()), obs.port());
      return obs;
    } catch (BindException e) {
      throw new ConfigException(
          "metrics.port: cannot listen on "
              + m.bind()
              + ":"
              + m.port()
              + " ("
              + e.getMessage()
              + "; is another processor there? metrics.port=0 picks a free port)");
    } catch (IOException | UnresolvedAddressException e) {
      throw new ConfigException(
          "metrics.bind: cannot listen on "
              + m.bind()
              + ":"
              + m.port()
              + " ("
              + TopicProvisioner.rootMessage(e)
              + "; use an address of this host, 0.0.0.0 or 127.0.0.1)");
    }
  }

  private BatchedLandmarkEstimator openEstimator(PipelineMetrics metrics) {
    ProcessorConfig.Inference inf = config.inference();
    LandmarkModel model = LandmarkModel.open(inf.modelPath(), inf.device());
    // The device the session really got (AUTO resolved), not the one asked for.
    metrics.inferenceDevice(model.device().name(), inf.device().name());
    metrics.modelInUse(model.name(), model.version());
    LOG.info("model {} {} on {}", model.name(), model.version(), model.device());
    return new BatchedLandmarkEstimator(
        model,
        model::run,
        inf.maxBatchSize(),
        config.kafka().numStreamThreads(),
        inf.maxQueueDelayMicros(),
        inf.timeoutMillis(),
        inf.retryMillis(),
        metrics);
  }

  private static String hostForUrl(String bind) {
    if (bind.contains(":")) {
      return "[" + bind + "]";
    }
    return bind;
  }
}
