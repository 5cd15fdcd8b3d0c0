package io.asmnet.processor.config;

import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.FfmpegLogLevel;
import io.asmnet.processor.detect.DetectorConfig;
import io.asmnet.processor.metrics.MetricsServer;
import io.asmnet.processor.metrics.PipelineMetrics;
import io.asmnet.processor.track.TrackerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds a {@link ProcessorConfig} from layered sources, later wins: built-in defaults, a
 * properties file, environment variables ({@code ASMNET_MAX_BATCH_SIZE} sets {@code
 * max.batch.size}: prefix dropped, lower case, {@code _} to {@code .}), then command-line
 * overrides. Keys starting with {@code kafka.} go to Kafka with the prefix removed; any other key
 * that Kafka knows (see {@link KafkaKeys}) goes to Kafka unchanged. Every problem is reported at
 * once in one {@link ConfigException}.
 */
public final class ConfigLoader {
  public static final String ENV_PREFIX = "ASMNET_";
  public static final String KAFKA_PREFIX = "kafka.";

  static final Map<String, String> DEFAULTS = defaults();

  private ConfigLoader() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("application.id", "asmnet-processor");
    d.put("bootstrap.servers", "localhost:9092");
    d.put("processing.guarantee", "exactly_once_v2");
    d.put("num.stream.threads", "1");
    d.put("topics.create", "false");
    d.put("topic.frames", "frames");
    d.put("topic.pose.events", "pose-events");
    d.put("topic.dead.letters", "frames-dlq");
    d.put("model.path", "models/asmnet-starter.onnx");
    d.put("inference.device", "auto");
    d.put("max.batch.size", "16");
    d.put("max.queue.delay.us", "2000");
    // Stage defaults come from the stages' own records, so there is one source of each default.
    DecodeLimits limits = DecodeLimits.defaults();
    DetectorConfig detector = DetectorConfig.defaults();
    TrackerConfig tracker = TrackerConfig.defaults();
    d.put("decode.max.payload.bytes", String.valueOf(limits.maxPayloadBytes()));
    d.put("decode.max.pixels", String.valueOf(limits.maxPixels()));
    d.put("detector.cascade", Fields.cascadeName(detector.cascade()));
    d.put("detector.max.faces", String.valueOf(detector.maxFaces()));
    d.put("detector.min.face.px", String.valueOf(detector.minFaceSize()));
    d.put("detector.width", String.valueOf(detector.detectionWidth()));
    d.put("tracker.redetect.interval", String.valueOf(tracker.detectEvery()));
    d.put("ffmpeg.log.level", FfmpegLogLevel.ERROR.settingName());
    // Loopback unless told otherwise: the container sets ASMNET_METRICS_BIND=0.0.0.0.
    d.put("metrics.bind", MetricsServer.DEFAULT_BIND_ADDRESS);
    d.put("metrics.port", "9464");
    d.put("metrics.max.cameras", String.valueOf(PipelineMetrics.DEFAULT_MAX_CAMERAS));
    return Map.copyOf(d);
  }

  /** The keys this loader understands, with their defaults (for {@code --help}). */
  public static Map<String, String> knownKeys() {
    return new TreeMap<>(DEFAULTS);
  }

  /**
   * @param file a properties file, or null
   * @param env the process environment (only {@code ASMNET_*} entries are read)
   * @param overrides {@code --set key=value} pairs and dedicated options, applied last
   */
  public static ProcessorConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    if (file != null) {
      merged.putAll(readFile(file));
    }
    merged.putAll(fromEnv(env));
    merged.putAll(overrides);
    return parse(merged);
  }

  static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file.toAbsolutePath() + " does not exist");
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new ConfigException("config file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
    return out;
  }

  static Map<String, String> fromEnv(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
            String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            out.put(key, value.trim());
          }
        });
    return out;
  }

  static ProcessorConfig parse(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    Map<String, String> passThrough = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(KAFKA_PREFIX)) {
        passThrough.put(key.substring(KAFKA_PREFIX.length()), e.getValue());
      } else if (!DEFAULTS.containsKey(key)) {
        if (KafkaKeys.isKafkaKey(key)) {
          passThrough.put(key, e.getValue());
        } else {
          problems.add(key + ": unknown setting (known: " + String.join(", ", knownKeys().keySet())
              + "; Kafka settings may be given with the prefix 'kafka.')");
        }
      }
    }
    Fields f = new Fields(values, problems);
    ProcessorConfig config =
        new ProcessorConfig(
            new ProcessorConfig.Kafka(
                f.text("application.id"),
                f.bootstrapServers("bootstrap.servers"),
                f.oneOf("processing.guarantee", "exactly_once_v2", "at_least_once"),
                f.intIn("num.stream.threads", 1, 256),
                f.bool("topics.create"),
                passThrough),
            new ProcessorConfig.TopicNames(
                f.topic("topic.frames"), f.topic("topic.pose.events"), f.topic("topic.dead.letters")),
            new ProcessorConfig.Inference(
                f.model("model.path"),
                f.device("inference.device"),
                f.intIn("max.batch.size", 1, 256),
                f.longIn("max.queue.delay.us", 0, 1_000_000)),
            new ProcessorConfig.Stages(
                f.intIn("decode.max.payload.bytes", 1, Integer.MAX_VALUE),
                f.longIn("decode.max.pixels", 1, 1L << 31),
                f.cascade("detector.cascade"),
                f.intIn("detector.max.faces", 1, 256),
                f.intIn("detector.min.face.px", 8, 4096),
                f.intIn("detector.width", 64, 8192),
                f.intIn("tracker.redetect.interval", 1, 10_000),
                f.ffmpegLogLevel("ffmpeg.log.level")),
            new ProcessorConfig.Metrics(f.text("metrics.bind"), f.intIn("metrics.port", 0, 65535),
                f.intIn("metrics.max.cameras", 1, 100_000)));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }
}
