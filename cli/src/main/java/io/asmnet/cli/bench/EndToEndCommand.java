package io.asmnet.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.replay.ReplayCollector;
import io.asmnet.localkafka.BrokerOptions;
import io.asmnet.localkafka.LocalKafkaBroker;
import io.asmnet.processor.cli.ProcessorApp;
import io.asmnet.processor.cli.ProductionStages;
import io.asmnet.processor.cli.RunningProcessor;
import io.asmnet.processor.config.ConfigException;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.trainer.data.StarterDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet bench e2e}: a local broker, the processor in-process with its production stages, N
 * frames from M cameras published and the events read back committed; prints the figures of one
 * scenario. {@code bin/bench e2e} runs the four scenarios one JVM each, so that resident memory is
 * each scenario's own.
 */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "End-to-end processor benchmark of one scenario on a local broker: frames/s, faces/s, latency,"
          + " per-stage time, inference batches, resident memory. Prints figures; asserts nothing.",
      "",
      "Processor settings: those of 'asmnet run', except (--set overrides any of them):",
      "  num.stream.threads=2",
      "  max.batch.size=16",
      "  max.queue.delay.us=2000",
      "  inference.device=cpu",
      "  tracker.redetect.interval=10 (*-track) or 1 (*-detect)",
      "  application.id=asmnet-bench, metrics.port=0, state.dir in a temporary folder",
      "The broker is the bench's own (a local one it starts and stops).",
      ""
    })
public final class EndToEndCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(EndToEndCommand.class);
  static final List<String> SCENARIOS =
      List.of("jpeg-track", "jpeg-detect", "h264-track", "h264-detect");

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description =
          "jpeg-track, jpeg-detect, h264-track or h264-detect (default ${DEFAULT-VALUE}).")
  String scenario = "jpeg-track";

  @Option(
      names = "--frames",
      paramLabel = "N",
      description = "Measured frames in all (default ${DEFAULT-VALUE}).")
  int frames = 300;

  @Option(
      names = "--cameras",
      paramLabel = "N",
      description = "Cameras publishing round-robin (default ${DEFAULT-VALUE}).")
  int cameras = 2;

  @Option(
      names = "--fps",
      paramLabel = "FPS",
      description =
          "Frames per second per camera; 0 = as fast as possible (default ${DEFAULT-VALUE}).")
  double fps = 0;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "Warm-up frames per camera, not measured (default ${DEFAULT-VALUE}).")
  int warmup = 10;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Partitions of the topics (default: the larger of --cameras and num.stream.threads).")
  Integer partitions;

  @Option(
      names = "--shot-frames",
      paramLabel = "N",
      description =
          "JPEG: frames per shot before the camera cuts to another scene (default ${DEFAULT-VALUE}).")
  int shotFrames = 30;

  @Option(
      names = "--gop",
      paramLabel = "N",
      description = "H.264: keyframe interval (default ${DEFAULT-VALUE}).")
  int gop = 50;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one processor setting, as 'asmnet run --set' (repeatable).")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the result as JSON (for 'asmnet bench tables').")
  Path json;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for every event (default ${DEFAULT-VALUE}).")
  int timeoutSeconds = 600;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Starter data cache (dlib's photos; fetched when absent; default $ASMNET_DATA_DIR, else .cache/dlib).")
  Path dataDir = StarterDataset.defaultCacheDir();

  @Override
  public Integer call() throws Exception {
    if (!SCENARIOS.contains(scenario)) {
      throw CommandFailure.usage(
          "--scenario: unknown scenario "
              + scenario
              + " (one of "
              + String.join(", ", SCENARIOS)
              + ")");
    }
    if (frames < 1 || cameras < 1 || warmup < 1) {
      throw CommandFailure.usage("--frames, --cameras and --warmup must be at least 1");
    }
    boolean h264 = scenario.startsWith("h264");
    int perCamera = Math.max(1, frames / cameras);
    Path tmp = Files.createTempDirectory("asmnet-bench");
    // The settings first: a bad --set is reported before minutes of encoding.
    ProcessorConfig probe = config("localhost:9092", tmp);
    List<Scene> scenes = Scenes.find(DlibPhotos.load(dataDir));
    Workload workload =
        h264
            ? Workloads.h264(scenes, cameras, Math.min(perCamera, 500), gop)
            : Workloads.jpeg(scenes, cameras, perCamera, shotFrames);
    LOG.info("workload: {}", workload.description());
    int parts =
        partitions != null ? partitions : Math.max(cameras, probe.kafka().numStreamThreads());
    String settings = describe(probe, parts);
    ScenarioResult result;
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(BrokerOptions.defaults())) {
      ProcessorConfig config = config(broker.bootstrapServers(), tmp);
      broker.createTopics(
          parts,
          config.topics().frames(),
          config.topics().poseEvents(),
          config.topics().deadLetters());
      result = measure(broker, config, workload, perCamera, settings);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println();
    out.println("## " + scenario + ": " + workload.description());
    out.println(settings + "; model " + result.model());
    out.println();
    out.println(ResultTables.markdown(List.of(result)));
    out.flush();
    if (json != null) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
    }
    return result.eventsSeen() == result.frames() ? 0 : CommandFailure.ERROR;
  }

  /** The bench's defaults, then {@code --set}; a bad setting is a usage error. */
  private ProcessorConfig config(String bootstrap, Path tmp) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("bootstrap.servers", bootstrap);
    s.put("application.id", "asmnet-bench");
    s.put("inference.device", "cpu");
    s.put("num.stream.threads", "2");
    s.put("max.batch.size", "16");
    s.put("max.queue.delay.us", "2000");
    s.put("tracker.redetect.interval", scenario.endsWith("track") ? "10" : "1");
    s.put("metrics.port", "0");
    s.put("state.dir", tmp.resolve("state").toString());
    s.putAll(sets);
    s.put("bootstrap.servers", bootstrap); // always the bench's own broker
    try {
      return ConfigLoader.load(null, Map.of(), s);
    } catch (ConfigException e) {
      throw CommandFailure.usage(e.getMessage());
    }
  }

  private String describe(ProcessorConfig c, int parts) {
    return String.format(
        Locale.ROOT,
        "threads=%d partitions=%d max.batch.size=%d max.queue.delay.us=%d "
            + "tracker.redetect.interval=%d fps/camera=%s device=%s",
        c.kafka().numStreamThreads(),
        parts,
        c.inference().maxBatchSize(),
        c.inference().maxQueueDelayMicros(),
        c.stages().trackerRedetectInterval(),
        fps > 0 ? String.valueOf(fps) : "max",
        c.inference().device().name().toLowerCase(Locale.ROOT));
  }

  private ScenarioResult measure(
      LocalKafkaBroker broker,
      ProcessorConfig config,
      Workload workload,
      int perCamera,
      String settings)
      throws Exception {
    int total = perCamera * cameras;
    String clipId = "bench-" + UUID.randomUUID();
    ReplayCollector warm =
        new ReplayCollector(cameras("warm-"), clipId, config.topics().poseEvents(), warmup);
    ReplayCollector measured =
        new ReplayCollector(cameras("cam-"), clipId, config.topics().poseEvents(), perCamera);
    try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
        PacedPublisher publisher =
            new PacedPublisher(broker.bootstrapServers(), config.topics().frames(), clipId);
        EventReader events =
            new EventReader(
                broker.bootstrapServers(),
                List.of(config.topics().poseEvents(), config.topics().deadLetters()),
                warm,
                measured,
                publisher::publishedAt)) {
      awaitRunning(running);
      publisher.publish(workload, "warm-", warmup, 0);
      if (!events.awaitWarmUp(Duration.ofSeconds(timeoutSeconds))) {
        throw CommandFailure.error("warm-up events did not arrive within " + timeoutSeconds + " s");
      }
      BatchHistogram before = BatchHistogram.scrape(running.metricsPort());
      double loadBefore = Load.oneMinute();
      ResidentMemory rss = new ResidentMemory(broker.pid());
      long start = System.nanoTime();
      publisher.publish(workload, "cam-", perCamera, fps);
      if (!events.awaitMeasured(Duration.ofSeconds(timeoutSeconds))) {
        LOG.warn("only {} of {} events within {} s", events.seen().size(), total, timeoutSeconds);
      }
      if (events.deadLetters() > 0) {
        LOG.warn("{} of {} measured frames became dead letters", events.deadLetters(), total);
      }
      rss.close();
      double loadAfter = Load.oneMinute();
      BatchHistogram batches = BatchHistogram.scrape(running.metricsPort()).minus(before);
      String label = fps > 0 ? scenario + " @" + ResultTables.f1(fps) + " fps/cam" : scenario;
      return Summary.of(
          label,
          workload,
          settings,
          total,
          cameras,
          start,
          events.seen(),
          batches,
          rss,
          loadBefore,
          loadAfter);
    }
  }

  private Set<String> cameras(String prefix) {
    Set<String> ids = new LinkedHashSet<>();
    for (int c = 0; c < cameras; c++) {
      ids.add(prefix + c);
    }
    return ids;
  }

  private void awaitRunning(RunningProcessor running) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (running.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || running.state() == KafkaStreams.State.ERROR) {
        throw CommandFailure.error("processor not running: " + running.state());
      }
      Thread.sleep(50);
    }
  }
}
