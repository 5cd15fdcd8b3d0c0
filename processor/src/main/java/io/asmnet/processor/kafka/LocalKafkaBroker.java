package io.asmnet.processor.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
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
 * normal exit, and the broker JVM watches this process to cover a SIGKILL.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Process process;
  private final BrokerFiles files;
  private final BrokerState state;
  private final Duration stopTimeout;
  private final Thread shutdownHook;
  private boolean stopped; // guarded by this: close() and the shutdown hook may race

  private LocalKafkaBroker(
      Process process, BrokerFiles files, BrokerState state, BrokerOptions options) {
    this.process = process;
    this.files = files;
    this.state = state;
    this.stopTimeout = options.stopTimeout();
    this.shutdownHook =
        options.detached() ? null : new Thread(this::stopQuietly, "local-kafka-stop");
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
    BrokerFiles files = new BrokerFiles(prepareDataDir(options.dataDir()));
    int port = options.port() == 0 ? FreePort.pick() : options.port();
    int controllerPort =
        options.controllerPort() == 0 ? pickOtherThan(port) : options.controllerPort();
    if (options.port() != 0 && !FreePort.isFree(port)) {
      files.deleteAll();
      throw new BrokerStartException(
          "Port " + port + " on 127.0.0.1 is already in use: choose another (0 picks a free one)");
    }
    files.write(port, controllerPort);
    long startNanos = System.nanoTime();
    Process process = launch(files, options);
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

  private static Path prepareDataDir(Path requested) {
    try {
      if (requested == null) {
        return Files.createTempDirectory("asmnet-kafka-");
      }
      if (Files.exists(requested)) {
        try (Stream<Path> entries = Files.list(requested)) {
          if (entries.findAny().isPresent()) {
            throw new BrokerStartException(
                "Data directory "
                    + requested
                    + " is not empty; it is deleted when the broker"
                    + " stops, so give an empty or new directory");
          }
        }
      }
      return Files.createDirectories(requested);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the broker data directory " + requested, e);
    }
  }

  private static int pickOtherThan(int port) {
    int picked = FreePort.pick();
    return picked == port ? FreePort.pick() : picked;
  }

  private static Process launch(BrokerFiles files, BrokerOptions options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.jvmOptions());
    command.add("-Dlogback.configurationFile=" + files.logbackConfig());
    command.add(BrokerMain.class.getName());
    command.add(files.config().toString());
    command.add(Uuid.randomUuid().toString());
    if (!options.detached()) {
      command.add(Long.toString(ProcessHandle.current().pid()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The classpath goes in the environment, not in -cp: Linux shows the stop command only the
    // first 4,096 bytes of a command line, and the main class and config path must be in them.
    builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    builder.redirectOutput(files.console().toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
    try {
      return builder.start();
    } catch (IOException e) {
      files.deleteAll();
      throw new UncheckedIOException("Cannot start the broker JVM " + command.get(0), e);
    }
  }

  private static String nullDevice() {
    return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
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
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and the hook runs this same cleanup: nothing to undo.
      }
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
