package io.asmnet.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Apache Kafka broker (broker and controller in one) bound to 127.0.0.1, run
 * from the Kafka jars on this JVM's classpath in a <b>separate JVM</b>, so it never shares the
 * application's heap and can be stopped without stopping the application. Needs no Docker.
 *
 * <p>{@link #close()} stops exactly the process this instance started (SIGTERM, then SIGKILL after
 * {@link BrokerOptions#stopTimeout()}) and deletes its data directory. Unless {@link
 * BrokerOptions#detached()}, the broker also stops when this JVM exits: a shutdown hook covers a
 * normal exit, and the broker JVM watches this process to cover a SIGKILL. The hook first leaves
 * the owner {@link #OWNER_GRACE} to call {@link #close()} itself: on Ctrl-C the owner's own hook
 * closes its Kafka clients (a Streams app commits its transaction) while the broker still serves
 * them, and only then the broker.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * How long the exit hook waits for {@link #close()} before stopping the broker itself: enough for
   * an owner's orderly shutdown (Streams closes in about a second while its broker is up), short
   * enough that an owner that never closes delays its exit little.
   */
  static final Duration OWNER_GRACE = Duration.ofSeconds(10);

  private final Process process;
  private final BrokerFiles files;
  private final BrokerState state;
  private final Duration stopTimeout;
  private final Thread shutdownHook;
  private final CountDownLatch closing = new CountDownLatch(1);
  private boolean stopped; // guarded by this: close() and the shutdown hook may race

  private LocalKafkaBroker(
      Process process, BrokerFiles files, BrokerState state, BrokerOptions options) {
    this.process = process;
    this.files = files;
    this.state = state;
    this.stopTimeout = options.stopTimeout();
    this.shutdownHook =
        options.detached() ? null : new Thread(() -> stopOnExit(OWNER_GRACE), "local-kafka-stop");
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  /**
   * Starts a broker and waits until it serves clients.
   *
   * @throws BrokerStartException when it did not start in time or exited; the message holds the
   *     tail of the broker log. The process is stopped and the data directory removed.
   */
  public static LocalKafkaBroker start(BrokerOptions options) {
    int port = options.port() == 0 ? FreePort.pick() : options.port();
    if (options.port() != 0 && !FreePort.isFree(port)) {
      throw new BrokerStartException(
          "Port " + port + " on 127.0.0.1 is already in use: choose another (0 picks a free one)");
    }
    int controllerPort =
        options.controllerPort() == 0 ? pickOtherThan(port) : options.controllerPort();
    BrokerFiles files = BrokerFiles.prepare(options.dataDir());
    files.write(port, controllerPort);
    long startNanos = System.nanoTime();
    Process process = BrokerLauncher.launch(files, options);
    BrokerState state =
        new BrokerState(
            process.pid(),
            port,
            controllerPort,
            files.dataDir().toString(),
            files.config().toString(),
            files.log().toString(),
            Instant.now().toEpochMilli());
    LocalKafkaBroker broker = new LocalKafkaBroker(process, files, state, options);
    try {
      broker.awaitReady(options.startupTimeout());
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    LOG.info(
        "Kafka broker ready at {} in {} ms (pid {}, data {})",
        broker.bootstrapServers(),
        (System.nanoTime() - startNanos) / 1_000_000,
        process.pid(),
        files.dataDir());
    return broker;
  }

  private static int pickOtherThan(int port) {
    int picked = FreePort.pick();
    return picked == port ? FreePort.pick() : picked;
  }

  private void awaitReady(Duration timeout) {
    BrokerLog log = new BrokerLog(files);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!log.isReady(state.port())) {
      if (!process.isAlive()) {
        throw new BrokerStartException(
            "Kafka broker (pid "
                + process.pid()
                + ") exited with code "
                + process.exitValue()
                + " during startup.\n"
                + log.tail());
      }
      if (System.nanoTime() > deadline) {
        throw new BrokerStartException(
            "Kafka broker (pid "
                + process.pid()
                + ") did not start within "
                + timeout.toSeconds()
                + " s.\n"
                + log.tail());
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerStartException("Interrupted while waiting for the Kafka broker");
      }
    }
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return state.bootstrapServers();
  }

  /** Process id of the broker JVM. */
  public long pid() {
    return process.pid();
  }

  /** Where the broker keeps config, log and data; deleted by {@link #close()}. */
  public Path dataDir() {
    return files.dataDir();
  }

  /** What a later command needs to find and stop this broker. */
  public BrokerState state() {
    return state;
  }

  /** Creates topics with the given partition count (replication factor 1). */
  public void createTopics(int partitions, String... names) {
    TopicAdmin.create(bootstrapServers(), partitions, List.of(names));
  }

  /** The last lines of the broker log and JVM output, for error messages. */
  public String logTail() {
    return new BrokerLog(files).tail();
  }

  /** True while the broker JVM runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Blocks until the broker JVM exits (for the foreground {@code run} command). */
  public int awaitExit() throws InterruptedException {
    return process.waitFor();
  }

  /** Stops the broker process and deletes its data directory. Idempotent. */
  @Override
  public void close() {
    closing.countDown();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and the hook runs this same cleanup: nothing to undo.
      }
    }
    stopQuietly();
  }

  /**
   * What the exit hook runs: waits up to {@code grace} for the owner's {@link #close()}, then stops
   * the broker if that has not.
   */
  void stopOnExit(Duration grace) {
    try {
      if (!closing.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info("exiting without close(): stopping the Kafka broker pid {}", process.pid());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopQuietly();
  }

  private synchronized void stopQuietly() {
    if (stopped) {
      return;
    }
    stopped = true;
    boolean clean = ProcessStopper.stop(process.toHandle(), stopTimeout);
    files.deleteAll();
    LOG.info("Kafka broker pid {} stopped{}", process.pid(), clean ? "" : " (killed)");
  }
}
