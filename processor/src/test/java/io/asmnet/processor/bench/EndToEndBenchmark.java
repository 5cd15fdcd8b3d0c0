package io.asmnet.processor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.asmnet.localkafka.BrokerOptions;
import io.asmnet.localkafka.LocalKafkaBroker;
import io.asmnet.processor.cli.ProcessorApp;
import io.asmnet.processor.cli.ProductionStages;
import io.asmnet.processor.cli.RunningProcessor;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.detect.DlibExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end benchmark (prints figures; not a test): a local broker, the processor in-process with
 * its production stages, N frames from M cameras published and the events read back committed.
 * Run through {@code bin/bench e2e}; one scenario per JVM, so resident memory is that scenario's.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true, description = "End-to-end processor benchmark, one scenario.")
public final class EndToEndBenchmark implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(EndToEndBenchmark.class);

  @Option(names = "--scenario", description = "jpeg-track, jpeg-detect, h264-track or h264-detect (default ${DEFAULT-VALUE})")
  String scenario = "jpeg-track";

  @Option(names = "--frames", description = "measured frames in all (default ${DEFAULT-VALUE})")
  int frames = 300;

  @Option(names = "--cameras", description = "cameras publishing round-robin (default ${DEFAULT-VALUE})")
  int cameras = 2;

  @Option(names = "--fps", description = "frames/s per camera; 0 = as fast as possible (default ${DEFAULT-VALUE})")
  double fps = 0;

  @Option(names = "--warmup", description = "warm-up frames per camera, not measured (default ${DEFAULT-VALUE})")
  int warmup = 10;

  @Option(names = "--threads", description = "num.stream.threads (default ${DEFAULT-VALUE})")
  int threads = 2;

  @Option(names = "--partitions", description = "partitions of the frames topic (default: max(cameras, threads))")
  Integer partitions;

  @Option(names = "--max-batch", description = "max.batch.size (default ${DEFAULT-VALUE})")
  int maxBatch = 16;

  @Option(names = "--queue-delay-us", description = "max.queue.delay.us (default ${DEFAULT-VALUE})")
  long queueDelayUs = 2000;

  @Option(names = "--redetect", description = "tracker.redetect.interval of the *-track scenarios (default ${DEFAULT-VALUE}); *-detect use 1")
  int redetect = 10;

  @Option(names = "--shot-frames", description = "JPEG: frames per shot before the camera cuts to another scene (default ${DEFAULT-VALUE})")
  int shotFrames = 30;

  @Option(names = "--gop", description = "H.264: keyframe interval (default ${DEFAULT-VALUE})")
  int gop = 50;

  @Option(names = "--model", description = "ONNX model (default ${DEFAULT-VALUE})")
  Path model = Path.of("models/asmnet-starter.onnx");

  @Option(names = "--device", description = "inference.device: cpu, cuda, auto (default ${DEFAULT-VALUE})")
  String device = "cpu";

  @Option(names = "--set", description = "any other processor setting, key=value (repeatable)")
  Map<String, String> extra = new HashMap<>();

  @Option(names = "--json", description = "also write the result as JSON to this file (for BenchTables)")
  Path json;

  @Option(names = "--timeout", description = "seconds to wait for every event (default ${DEFAULT-VALUE})")
  int timeoutSeconds = 600;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EndToEndBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    boolean h264 = scenario.startsWith("h264");
    boolean track = scenario.endsWith("track");
    if (!List.of("jpeg-track", "jpeg-detect", "h264-track", "h264-detect").contains(scenario)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "unknown scenario " + scenario);
    }
    int perCamera = Math.max(1, frames / cameras);
    Path tmp = Files.createTempDirectory("asmnet-bench");
    List<DlibExamples.Photo> photos = new ArrayList<>(DlibExamples.photos("faces/training_with_face_landmarks.xml"));
    photos.addAll(DlibExamples.photos("faces/testing_with_face_landmarks.xml"));
    List<Scene> scenes = Scenes.find(photos);
    Workload workload = h264 ? Workloads.h264(scenes, cameras, Math.min(perCamera, 500), gop, tmp)
        : Workloads.jpeg(scenes, cameras, perCamera, shotFrames);
    LOG.info("workload: {}", workload.description());
    int interval = track ? redetect : 1;
    int parts = partitions != null ? partitions : Math.max(cameras, threads);
    String settings = String.format("threads=%d partitions=%d max.batch.size=%d max.queue.delay.us=%d "
        + "tracker.redetect.interval=%d fps/camera=%s device=%s", threads, parts, maxBatch, queueDelayUs, interval,
        fps > 0 ? String.valueOf(fps) : "max", device);
    ScenarioResult result;
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(BrokerOptions.defaults())) {
      broker.createTopics(parts, "frames", "pose-events", "frames-dlq");
      ProcessorConfig config = ConfigLoader.load(null, Map.of(), settings(broker, tmp, interval));
      result = measure(broker, config, workload, perCamera, settings);
    }
    System.out.println();
    System.out.println("## " + scenario + ": " + workload.description());
    System.out.println(settings + "; model " + result.model());
    System.out.println();
    System.out.println(ResultTables.markdown(List.of(result)));
    if (json != null) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
    }
    return result.eventsSeen() == result.frames() ? 0 : 1;
  }

  private Map<String, String> settings(LocalKafkaBroker broker, Path tmp, int interval) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", broker.bootstrapServers());
    s.put("application.id", "asmnet-bench");
    s.put("model.path", model.toString());
    s.put("inference.device", device);
    s.put("num.stream.threads", String.valueOf(threads));
    s.put("max.batch.size", String.valueOf(maxBatch));
    s.put("max.queue.delay.us", String.valueOf(queueDelayUs));
    s.put("tracker.redetect.interval", String.valueOf(interval));
    s.put("metrics.port", "0");
    s.put("state.dir", tmp.resolve("state").toString());
    s.putAll(extra);
    return s;
  }

  private ScenarioResult measure(LocalKafkaBroker broker, ProcessorConfig config, Workload workload, int perCamera,
      String settings) throws Exception {
    int total = perCamera * cameras;
    try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
        FramePublisher publisher = new FramePublisher(broker.bootstrapServers(), config.topics().frames());
        EventCollector events = new EventCollector(broker.bootstrapServers(), config.topics().poseEvents(), "cam-",
            publisher::publishedAt)) {
      awaitRunning(running);
      publisher.publish(workload, "warm-", warmup, 0);
      if (!events.await(0, (long) warmup * cameras, Duration.ofSeconds(timeoutSeconds))) {
        throw new IllegalStateException("warm-up events did not arrive within " + timeoutSeconds + " s");
      }
      BatchHistogram before = BatchHistogram.scrape(running.metricsPort());
      double loadBefore = Load.oneMinute();
      ResidentMemory rss = new ResidentMemory(broker.pid());
      long start = System.nanoTime();
      publisher.publish(workload, "cam-", perCamera, fps);
      if (!events.await(total, 0, Duration.ofSeconds(timeoutSeconds))) {
        LOG.warn("only {} of {} events within {} s", events.measuredCount(), total, timeoutSeconds);
      }
      rss.close();
      double loadAfter = Load.oneMinute();
      BatchHistogram batches = BatchHistogram.scrape(running.metricsPort()).minus(before);
      String label = fps > 0 ? scenario + " @" + ResultTables.f1(fps) + " fps/cam" : scenario;
      return Summary.of(label, workload, settings, total, cameras, start, events.seen(), batches, rss,
          loadBefore, loadAfter);
    }
  }

  private void awaitRunning(RunningProcessor running) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (running.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || running.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("processor not running: " + running.state());
      }
      Thread.sleep(50);
    }
  }
}
