package io.asmnet.processor.config;

import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.FfmpegLogLevel;
import io.asmnet.processor.detect.BlazeFaceConfig;
import io.asmnet.processor.detect.DetectorConfig;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.DynamicBatcher;
import io.asmnet.processor.metrics.MetricsServer;
import io.asmnet.processor.metrics.PipelineMetrics;
import io.asmnet.processor.track.TrackerConfig;
import io.asmnet.schemas.serde.RegistrySettings;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link ProcessorConfig} from layered sources, later wins: built-in defaults, a
 * properties file, environment variables ({@code ASMNET_MAX_BATCH_SIZE} sets {@code
 * max.batch.size}: prefix dropped, lower case, {@code _} to {@code .}), then command-line
 * overrides. Only variables that name a known setting are read (see {@link #fromEnv}): the {@code
 * ASMNET_} prefix is shared with other variables (the launcher's {@code ASMNET_JAVA_OPTS},
 * Kubernetes' {@code ASMNET_SERVICE_HOST} for a Service named asmnet). Keys starting with {@code
 * kafka.} go to Kafka with the prefix removed; any other key that Kafka knows (see {@link
 * KafkaKeys}) goes to Kafka unchanged. Every problem is reported at once in one {@link
 * ConfigException}.
 */
public final class ConfigLoader {
  public static final String ENV_PREFIX = "ASMNET_";
  public static final String KAFKA_PREFIX = "kafka.";

  /**
   * Settings of Apicurio's registry serdes (authentication, timeouts), passed to them unchanged.
   */
  public static final String APICURIO_PREFIX = "apicurio.";

  static final String SERDE_FORMAT = "serde.format";
  static final String REGISTRY_URL = "schema.registry.url";

  /**
   * {@code topics.max.message.bytes=auto}: the payload limit plus {@link #MESSAGE_HEADROOM_BYTES}.
   */
  static final String AUTO = "auto";

  static final int MESSAGE_HEADROOM_BYTES = ProcessorConfig.Provisioning.HEADROOM_BYTES;
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

  static final Map<String, String> DEFAULTS = defaults();

  private ConfigLoader() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("application.id", "asmnet-processor");
    d.put("bootstrap.servers", "localhost:9092");
    d.put("processing.guarantee", "exactly_once_v2");
    d.put("num.stream.threads", "1");
    d.put("topics.create", "false");
    ProcessorConfig.Provisioning topics = ProcessorConfig.Provisioning.defaults();
    d.put("topics.partitions", String.valueOf(topics.partitions()));
    d.put("topics.replication.factor", String.valueOf(topics.replicationFactor()));
    d.put("topics.max.message.bytes", AUTO);
    d.put("topics.frames.retention.ms", String.valueOf(topics.framesRetentionMs()));
    d.put("broker.timeout.s", "15");
    d.put("state.dir", Path.of(System.getProperty("java.io.tmpdir"), "asmnet-streams").toString());
    d.put("topic.frames", "frames");
    d.put("topic.pose.events", "pose-events");
    d.put("topic.dead.letters", "frames-dlq");
    d.put("model.path", "models/asmnet-starter.onnx");
    d.put("inference.device", "auto");
    d.put("max.batch.size", "16");
    d.put("max.queue.delay.us", "2000");
    // A caller's wait for its batch, and how long a frame is retried while the model fails.
    d.put("inference.timeout.ms", String.valueOf(DynamicBatcher.DEFAULT_TIMEOUT_MILLIS));
    d.put("inference.retry.ms", String.valueOf(BatchedLandmarkEstimator.DEFAULT_RETRY_MILLIS));
    // Stage defaults come from the stages' own records, so there is one source of each default.
    DecodeLimits limits = DecodeLimits.defaults();
    DetectorConfig detector = DetectorConfig.defaults();
    TrackerConfig tracker = TrackerConfig.defaults();
    d.put("decode.max.payload.bytes", String.valueOf(limits.maxPayloadBytes()));
    d.put("decode.max.pixels", String.valueOf(limits.maxPixels()));
    BlazeFaceConfig blazeFace = BlazeFaceConfig.defaults();
    d.put("detector", DetectorKind.BLAZEFACE.key());
    d.put("detector.model", "bundled");
    d.put("detector.short.model", "bundled");
    d.put("detector.min.score", String.valueOf(blazeFace.minScore()));
    // A camera silent this long has its H.264 decoder (native memory) freed.
    d.put("decode.camera.idle.ms", String.valueOf(CompositeFrameDecoder.DEFAULT_IDLE.toMillis()));
    d.put("detector.cascade", Fields.cascadeName(detector.cascade()));
    d.put("detector.max.faces", String.valueOf(detector.maxFaces()));
    d.put("detector.min.face.px", String.valueOf(detector.minFaceSize()));
    d.put("detector.width", String.valueOf(detector.detectionWidth()));
    d.put("crop.upright", String.valueOf(blazeFace.upright()));
    d.put("tracker.redetect.interval", String.valueOf(tracker.detectEvery()));
    d.put("tracker.confirm", String.valueOf(tracker.confirm()));
    d.put("ffmpeg.log.level", FfmpegLogLevel.ERROR.settingName());
    // Loopback unless told otherwise: the container sets ASMNET_METRICS_BIND=0.0.0.0.
    d.put("metrics.bind", MetricsServer.DEFAULT_BIND_ADDRESS);
    d.put("metrics.port", "9464");
    d.put("metrics.max.cameras", String.valueOf(PipelineMetrics.DEFAULT_MAX_CAMERAS));
    // How values are framed; the registry URL and the extra schemas folder are unset by default.
    d.put(SERDE_FORMAT, SerdeFormat.SINGLE_OBJECT.key());
    d.put(REGISTRY_URL, "");
    d.put(ExtraSchemas.KEY, "");
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
  public static ProcessorConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
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
      throw new ConfigException(
          "config file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
    return out;
  }

  /**
   * The settings named by {@code ASMNET_*} variables. A variable is read only when its key is one
   * of ours ({@link #knownKeys()}) or a Kafka setting by its exact name, with or without the {@code
   * kafka.} prefix ({@code ASMNET_KAFKA_SASL_MECHANISM}, {@code ASMNET_SECURITY_PROTOCOL}); any
   * other {@code ASMNET_*} variable belongs to someone else and is ignored with a debug line, never
   * refused as an unknown setting.
   */
  static Map<String, String> fromEnv(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    new TreeMap<>(env)
        .forEach(
            (name, value) -> {
              if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                String key =
                    name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (DEFAULTS.containsKey(key) || KafkaKeys.isExactKafkaKey(key)) {
                  out.put(key, value.trim());
                } else {
                  LOG.debug("ignoring environment variable {}: {} is not a setting", name, key);
                }
              }
            });
    return out;
  }

  private static ProcessorConfig.Provisioning provisioning(
      Fields f, Map<String, String> values, List<String> problems) {
    // The largest record is a dead letter of a frame at the payload limit: it must fit the topics.
    long needed =
        (long) f.intIn("decode.max.payload.bytes", 1, Integer.MAX_VALUE) + MESSAGE_HEADROOM_BYTES;
    long maxMessage = needed;
    if (!AUTO.equals(values.get("topics.max.message.bytes"))) {
      maxMessage = f.longIn("topics.max.message.bytes", 1, Integer.MAX_VALUE);
      if (maxMessage < needed) {
        problems.add(
            "topics.max.message.bytes: "
                + maxMessage
                + " is below decode.max.payload.bytes + "
                + MESSAGE_HEADROOM_BYTES
                + " = "
                + needed
                + " (a frame at the payload limit would not fit; use 'auto')");
      }
    }
    int replication = f.intIn("topics.replication.factor", -1, Short.MAX_VALUE);
    if (replication == 0) {
      problems.add(
          "topics.replication.factor: 0 is not a replication factor (-1 means the broker's default)");
    }
    return new ProcessorConfig.Provisioning(
        f.intIn("topics.partitions", 1, 100_000),
        (short) replication,
        (int) Math.min(maxMessage, Integer.MAX_VALUE),
        f.longIn("topics.frames.retention.ms", -1, Long.MAX_VALUE));
  }

  private static ProcessorConfig.Wire wire(
      Fields f, Map<String, String> values, Map<String, String> apicurio, List<String> problems) {
    String format =
        f.oneOf(SERDE_FORMAT, SerdeFormat.SINGLE_OBJECT.key(), SerdeFormat.REGISTRY.key());
    String url = values.getOrDefault(REGISTRY_URL, "").trim();
    String dir = values.getOrDefault(ExtraSchemas.KEY, "").trim();
    if (SerdeFormat.REGISTRY.key().equals(format)) {
      if (!dir.isEmpty()) {
        problems.add(
            ExtraSchemas.KEY
                + ": applies to serde.format=single-object only (with a registry the writer"
                + " schemas come from the registry)");
      }
      if (url.isEmpty()) {
        problems.add(
            REGISTRY_URL + ": must be set with serde.format=registry (e.g. http://registry:8080)");
        return ProcessorConfig.Wire.singleObject();
      }
      try {
        return new ProcessorConfig.Wire(
            SerdeFormat.REGISTRY, RegistrySettings.of(url, apicurio), null, List.of());
      } catch (IllegalArgumentException e) {
        problems.add(REGISTRY_URL + ": " + e.getMessage());
        return ProcessorConfig.Wire.singleObject();
      }
    }
    if (!url.isEmpty()) {
      problems.add(
          REGISTRY_URL
              + ": applies to serde.format=registry only (serde.format is "
              + format
              + ")");
    }
    if (!apicurio.isEmpty()) {
      problems.add(
          String.join(", ", apicurio.keySet())
              + ": Apicurio serde settings apply to serde.format=registry only");
    }
    if (dir.isEmpty()) {
      return ProcessorConfig.Wire.singleObject();
    }
    Path folder = Path.of(dir);
    return new ProcessorConfig.Wire(
        SerdeFormat.SINGLE_OBJECT, null, folder, ExtraSchemas.load(folder, problems));
  }

  static ProcessorConfig parse(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    Map<String, String> passThrough = new TreeMap<>();
    Map<String, String> apicurio = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(APICURIO_PREFIX)) {
        apicurio.put(key, e.getValue());
      } else if (key.startsWith(KAFKA_PREFIX)) {
        passThrough.put(key.substring(KAFKA_PREFIX.length()), e.getValue());
      } else if (!DEFAULTS.containsKey(key)) {
        if (KafkaKeys.isKafkaKey(key)) {
          passThrough.put(key, e.getValue());
        } else {
          problems.add(
              key
                  + ": unknown setting (known: "
                  + String.join(", ", knownKeys().keySet())
                  + "; Kafka settings may be given with the prefix 'kafka.')");
        }
      }
    }
    KafkaValues.check(passThrough, problems);
    Fields f = new Fields(values, problems);
    DetectorKind detector = f.detector("detector");
    ProcessorConfig config =
        new ProcessorConfig(
            new ProcessorConfig.Kafka(
                f.text("application.id"),
                f.bootstrapServers("bootstrap.servers"),
                f.oneOf("processing.guarantee", "exactly_once_v2", "at_least_once"),
                f.intIn("num.stream.threads", 1, 256),
                f.bool("topics.create"),
                passThrough,
                java.time.Duration.ofSeconds(f.intIn("broker.timeout.s", 1, 3600)),
                f.directory("state.dir")),
            new ProcessorConfig.TopicNames(
                f.topic("topic.frames"),
                f.topic("topic.pose.events"),
                f.topic("topic.dead.letters")),
            new ProcessorConfig.Inference(
                f.model("model.path"),
                f.device("inference.device"),
                f.intIn("max.batch.size", 1, 256),
                f.longIn("max.queue.delay.us", 0, 1_000_000),
                f.longIn("inference.timeout.ms", 100, 600_000),
                f.longIn("inference.retry.ms", 0, 180_000)),
            new ProcessorConfig.StageSettings(
                f.intIn("decode.max.payload.bytes", 1, Integer.MAX_VALUE),
                f.longIn("decode.max.pixels", 1, 1L << 31),
                detector,
                f.bundledOrModel("detector.model", detector == DetectorKind.BLAZEFACE),
                f.bundledOrModel("detector.short.model", detector == DetectorKind.BLAZEFACE),
                (float) f.doubleIn("detector.min.score", 0.01, 0.99),
                f.cascade("detector.cascade"),
                f.intIn("detector.max.faces", 1, 256),
                f.intIn("detector.min.face.px", 8, 4096),
                f.intIn("detector.width", 64, 8192),
                f.bool("crop.upright"),
                f.intIn("tracker.redetect.interval", 1, 10_000),
                f.bool("tracker.confirm"),
                f.longIn("decode.camera.idle.ms", 1_000, 86_400_000),
                f.ffmpegLogLevel("ffmpeg.log.level")),
            new ProcessorConfig.Metrics(
                f.text("metrics.bind"),
                f.intIn("metrics.port", 0, 65535),
                f.intIn("metrics.max.cameras", 1, 100_000)),
            provisioning(f, values, problems),
            wire(f, values, apicurio, problems));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }
}
