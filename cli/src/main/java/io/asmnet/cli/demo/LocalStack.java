package io.asmnet.cli.demo;

import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.replay.ReplayTarget;
import io.asmnet.localkafka.BrokerOptions;
import io.asmnet.localkafka.BrokerStartException;
import io.asmnet.localkafka.LocalKafkaBroker;
import io.asmnet.processor.cli.KafkaUnavailableException;
import io.asmnet.processor.cli.ProcessorApp;
import io.asmnet.processor.cli.ProductionStages;
import io.asmnet.processor.cli.RunningProcessor;
import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.ort.OrtLoadException;
import io.asmnet.schemas.serde.WireFormat;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker (embedded {@link LocalKafkaBroker} in its own JVM, or an existing one), the three
 * topics, and the processor running in this JVM on them. {@link #close()} stops what it started,
 * processor first (it commits and leaves the group), then the embedded broker; topics created on an
 * existing broker stay.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final LocalKafkaBroker broker;
  private final String bootstrapServers;
  private RunningProcessor processor;

  private LocalStack(LocalKafkaBroker broker, String bootstrapServers) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts the stack and waits until the processor consumes.
   *
   * @param kafka the command's Kafka options: how long to wait for the broker
   * @throws CommandFailure naming the part that failed; what had started is stopped again
   */
  public static LocalStack start(StackSettings settings, KafkaOptions kafka)
      throws InterruptedException {
    LocalKafkaBroker broker = settings.embeddedBroker() ? startBroker() : null;
    LocalStack stack =
        new LocalStack(
            broker, broker != null ? broker.bootstrapServers() : settings.bootstrapServers());
    try {
      // The processor creates the topics (topics.create=true), the one way topics are made.
      stack.startProcessor(settings, kafka);
      return stack;
    } catch (RuntimeException | InterruptedException e) {
      stack.close();
      throw e;
    }
  }

  private static LocalKafkaBroker startBroker() {
    try {
      return LocalKafkaBroker.start(BrokerOptions.defaults());
    } catch (BrokerStartException e) {
      throw CommandFailure.error("cannot start the embedded Kafka broker: " + e.getMessage(), e);
    }
  }

  private void startProcessor(StackSettings settings, KafkaOptions kafka)
      throws InterruptedException {
    try {
      processor =
          new ProcessorApp(
                  settings.processorConfig(bootstrapServers, kafka.timeout()),
                  new ProductionStages())
              .start();
    } catch (KafkaUnavailableException e) {
      throw CommandFailure.error(e.getMessage(), e);
    } catch (ConfigException | OrtLoadException e) {
      throw CommandFailure.error("cannot start the processor: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw CommandFailure.error(
          "cannot start the processor on " + bootstrapServers + ": " + e.getMessage(), e);
    }
    awaitRunning(settings);
  }

  /**
   * Streams is RUNNING once it has its partitions: frames published after that are seen at once.
   */
  private void awaitRunning(StackSettings settings) throws InterruptedException {
    long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
    while (processor.state() != KafkaStreams.State.RUNNING) {
      KafkaStreams.State state = processor.state();
      if (state == KafkaStreams.State.ERROR
          || state == KafkaStreams.State.PENDING_ERROR
          || state == KafkaStreams.State.NOT_RUNNING) {
        throw CommandFailure.error(
            "the processor stopped while starting (state " + state + "; see the log above)");
      }
      if (System.nanoTime() > deadline) {
        throw CommandFailure.error(
            "the processor did not start consuming within "
                + settings.startupTimeout().toSeconds()
                + " s (state "
                + state
                + ")");
      }
      Thread.sleep(100);
    }
  }

  /** Where clients connect. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** True when this stack started its own broker. */
  public boolean embeddedBroker() {
    return broker != null;
  }

  /** Process id of the embedded broker JVM, or -1. */
  public long brokerPid() {
    return broker != null ? broker.pid() : -1;
  }

  /**
   * True once the processor stopped on its own (a stream thread died): no more results will come.
   */
  public boolean processorDown() {
    KafkaStreams.State state = processor.state();
    return state == KafkaStreams.State.ERROR
        || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_SHUTDOWN;
  }

  /** The processor's Prometheus endpoint. */
  public String metricsUrl() {
    return "http://127.0.0.1:" + processor.metricsPort() + "/metrics";
  }

  /** A replay target on this stack's broker and topics, single-object encoded. */
  public ReplayTarget replayTarget(KafkaOptions kafka) {
    return new ReplayTarget(
        kafka,
        bootstrapServers,
        StackSettings.FRAMES,
        StackSettings.EVENTS,
        StackSettings.DEAD_LETTERS);
  }

  /**
   * A replay target on this stack's broker and topics, in {@code wire} (the stack's own
   * serde.format).
   */
  public ReplayTarget replayTarget(KafkaOptions kafka, WireFormat wire) {
    return new ReplayTarget(
        kafka,
        bootstrapServers,
        StackSettings.FRAMES,
        StackSettings.EVENTS,
        StackSettings.DEAD_LETTERS,
        wire);
  }

  @Override
  public void close() {
    try {
      if (processor != null) {
        processor.close();
      }
    } catch (RuntimeException e) {
      LOG.warn("processor did not stop cleanly: {}", e.getMessage(), e);
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
