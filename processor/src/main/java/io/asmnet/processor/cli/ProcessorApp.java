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
import java.util.Properties;

/**
 * Wires the processor: topics checked (or created), model opened once, topology built, Kafka
 * Streams started. {@link #run} is what {@code processor run} does; {@link #start} is for tests
 * and embedders, which stop it by closing the returned {@link RunningProcessor}.
 */
public final class ProcessorApp {
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
   * Starts processing and returns at once.
   *
   * @throws io.asmnet.processor.config.ConfigException topics missing (and topics.create=false)
   * @throws io.asmnet.processor.infer.ModelLoadException model unusable or device unavailable
   */
  public RunningProcessor start() throws InterruptedException {
    Properties props = StreamsSettings.of(config);
    TopicCheck.ensureTopics(config, props);
    ProcessorConfig.Inference inf = config.inference();
    PipelineObserver observer = stageFactory.observer(config);
    LandmarkModel model = LandmarkModel.open(inf.modelPath(), inf.device());
    LandmarkEstimator estimator =
        new BatchedLandmarkEstimator(model, inf.maxBatchSize(), inf.maxQueueDelayMicros(), observer);
    try {
      Stages stages = new Stages(stageFactory.decoders(config), stageFactory.locators(config), estimator,
          observer, Clock.systemUTC());
      // Swap AvroSingleObjectWire for the schemas module's serdes here once they land.
      Topics topics = Topics.of(config.topics(), new AvroSingleObjectWire());
      return RunningProcessor.start(PoseTopology.build(stages, topics), props, estimator);
    } catch (RuntimeException e) {
      estimator.close();
      throw e;
    }
  }
}
