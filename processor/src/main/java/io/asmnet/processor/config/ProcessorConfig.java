package io.asmnet.processor.config;

import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.FfmpegLogLevel;
import io.asmnet.processor.detect.Cascade;
import io.asmnet.schemas.serde.RegistrySettings;
import io.asmnet.schemas.serde.WireFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;

/**
 * Everything the processor is configured with, typed and validated. Built by {@link ConfigLoader}
 * from a properties file, {@code ASMNET_*} environment variables and command-line overrides; the
 * property key of each field is given in {@link ConfigLoader}.
 *
 * @param kafka how to reach and use Kafka
 * @param topics the three topic names
 * @param inference the model and the dynamic batcher
 * @param stages decode, detector and tracker limits
 * @param metrics where the Prometheus endpoint listens
 * @param provisioning how missing topics are created
 * @param wire how the topics' values are framed (single-object or a schema registry)
 */
public record ProcessorConfig(
    Kafka kafka,
    TopicNames topics,
    Inference inference,
    StageSettings stages,
    Metrics metrics,
    Provisioning provisioning,
    Wire wire) {

  public ProcessorConfig {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(stages, "stages");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(provisioning, "provisioning");
    Objects.requireNonNull(wire, "wire");
  }

  /** A configuration in single-object encoding with no extra writer schemas. */
  public ProcessorConfig(
      Kafka kafka,
      TopicNames topics,
      Inference inference,
      StageSettings stages,
      Metrics metrics,
      Provisioning provisioning) {
    this(kafka, topics, inference, stages, metrics, provisioning, Wire.singleObject());
  }

  /** The same configuration with {@code inference.device} set to {@code device}. */
  public ProcessorConfig withInferenceDevice(InferenceDevice device) {
    Inference i = inference;
    return new ProcessorConfig(
        kafka,
        topics,
        new Inference(
            i.modelPath(),
            device,
            i.maxBatchSize(),
            i.maxQueueDelayMicros(),
            i.timeoutMillis(),
            i.retryMillis()),
        stages,
        metrics,
        provisioning,
        wire);
  }

  /**
   * @param applicationId Kafka Streams application.id (consumer group, state directory, prefixes)
   * @param bootstrapServers comma-separated host:port list
   * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once}
   * @param numStreamThreads stream threads in this instance (they share one model)
   * @param createTopics create missing topics at start instead of failing
   * @param passThrough further Kafka client/Streams settings (security, SASL/SSL), unchanged
   * @param brokerTimeout how long the start may wait for the broker before giving up
   * @param stateDir the folder under which each instance claims its own Kafka Streams state
   *     directory (see {@code StateDirectory})
   */
  public record Kafka(
      String applicationId,
      String bootstrapServers,
      String processingGuarantee,
      int numStreamThreads,
      boolean createTopics,
      Map<String, String> passThrough,
      Duration brokerTimeout,
      Path stateDir) {
    public Kafka {
      passThrough = Map.copyOf(passThrough);
      Objects.requireNonNull(brokerTimeout, "brokerTimeout");
      Objects.requireNonNull(stateDir, "stateDir");
    }
  }

  /** Topic names: frames in, pose events and dead letters out. */
  public record TopicNames(String frames, String poseEvents, String deadLetters) {}

  /**
   * @param modelPath the exported ONNX landmark model
   * @param device where to run it
   * @param maxBatchSize faces per model run, at most (1..256: two input buffers of 147 KiB per face
   *     are allocated up front, direct memory)
   * @param maxQueueDelayMicros how long the first face of a batch may wait for more faces
   *     (0..1,000,000 us)
   * @param timeoutMillis how long a frame waits for its batch before that counts as a model fault
   * @param retryMillis how long a frame is retried while the model fails before the instance gives
   *     up (exit code 1; the frame is processed again after restart)
   */
  public record Inference(
      Path modelPath,
      InferenceDevice device,
      int maxBatchSize,
      long maxQueueDelayMicros,
      long timeoutMillis,
      long retryMillis) {}

  /**
   * @param maxPayloadBytes frames with a larger encoded payload become OVERSIZED dead letters
   * @param maxPixels frames with more decoded pixels (width x height) become OVERSIZED
   * @param detector which face detector runs
   * @param detectorModel the full-range BlazeFace network (whole frames and tiles): an .onnx file,
   *     or {@code bundled} for the copy inside the processor
   * @param detectorShortModel the short-range BlazeFace network (confirms tracked faces): a file or
   *     {@code bundled}
   * @param detectorMinScore BlazeFace detections scoring less are dropped
   * @param detectorCascade which OpenCV cascade finds faces with {@code detector=haar}
   * @param detectorMaxFaces faces per frame, at most
   * @param detectorMinFacePixels smallest face side to look for, frame pixels
   * @param detectorWidth frames are scaled to this width for the cascade, pixels
   * @param cropUpright turn each face's crop upright by its eye line before the landmark model
   * @param trackerRedetectInterval frames between detector runs while tracking
   * @param trackerConfirm confirm each tracked face with the short-range detector on its region
   * @param cameraIdleMillis a camera's session (its H.264 decoder and its track) is evicted after
   *     this long without a frame
   * @param ffmpegLogLevel the least severe FFmpeg messages logged (through SLF4J, logger "ffmpeg")
   */
  public record StageSettings(
      int maxPayloadBytes,
      long maxPixels,
      DetectorKind detector,
      String detectorModel,
      String detectorShortModel,
      float detectorMinScore,
      Cascade detectorCascade,
      int detectorMaxFaces,
      int detectorMinFacePixels,
      int detectorWidth,
      boolean cropUpright,
      int trackerRedetectInterval,
      boolean trackerConfirm,
      long cameraIdleMillis,
      FfmpegLogLevel ffmpegLogLevel) {}

  /**
   * Prometheus scrape endpoint.
   *
   * @param bind address to listen on (loopback by default; 0.0.0.0 in a container)
   * @param port TCP port; 0 picks a free one
   * @param maxCameras distinct camera label values kept, the rest are counted as "other"
   */
  public record Metrics(String bind, int port, int maxCameras) {
    public Metrics {
      Objects.requireNonNull(bind, "bind");
    }
  }

  /**
   * How the processor's topics are created (at start with {@code topics.create=true}, or by the
   * {@code topics} command); topics that exist are left as they are.
   *
   * @param partitions partitions of each topic (the most instances x threads that share the work)
   * @param replicationFactor replicas of each partition; -1 takes the broker's default
   * @param maxMessageBytes {@code max.message.bytes} of the frames and dead-letter topics, bytes:
   *     at least the payload limit plus headroom
   * @param framesRetentionMs {@code retention.ms} of the frames topic (video is large); -1 keeps
   *     records forever
   */
  public record Provisioning(
      int partitions, short replicationFactor, int maxMessageBytes, long framesRetentionMs) {
    /** Room for a frame's or dead letter's fields and Kafka's batch framing around the payload. */
    public static final int HEADROOM_BYTES = 64 * 1024;

    /**
     * 4 partitions (room for 4 instances or threads), the broker's replication factor, the default
     * payload limit plus {@link #HEADROOM_BYTES}, frames kept for an hour.
     */
    public static Provisioning defaults() {
      return new Provisioning(
          4,
          (short) -1,
          DecodeLimits.DEFAULT_MAX_PAYLOAD_BYTES + HEADROOM_BYTES,
          TimeUnit.HOURS.toMillis(1));
    }

    public Provisioning {
      if (partitions < 1
          || replicationFactor == 0
          || replicationFactor < -1
          || maxMessageBytes < 1) {
        throw new IllegalArgumentException(
            "partitions >= 1, replication -1 or >= 1, max message bytes >= 1");
      }
    }
  }

  /**
   * How values are framed on the processor's topics ({@code serde.*}, {@code schema.registry.url}).
   *
   * @param format single-object or registry
   * @param registry with {@link SerdeFormat#REGISTRY}: the registry and its serde settings; else
   *     null
   * @param extraSchemasDir with single-object: the folder of extra writer schemas, or null
   * @param extraSchemas the writer schemas read from that folder at start (empty without one)
   */
  public record Wire(
      SerdeFormat format,
      RegistrySettings registry,
      Path extraSchemasDir,
      List<Schema> extraSchemas) {
    public Wire {
      Objects.requireNonNull(format, "format");
      extraSchemas = List.copyOf(extraSchemas);
      if ((format == SerdeFormat.REGISTRY) != (registry != null)) {
        throw new IllegalArgumentException(
            "registry settings are given exactly with serde.format=registry");
      }
    }

    /** Single-object encoding of the compiled schemas only (the default). */
    public static Wire singleObject() {
      return new Wire(SerdeFormat.SINGLE_OBJECT, null, null, List.of());
    }

    /** A new {@link WireFormat} of these settings; the caller closes it (registry clients). */
    public WireFormat open() {
      return format == SerdeFormat.REGISTRY
          ? WireFormat.registry(registry)
          : WireFormat.singleObject(extraSchemas);
    }
  }
}
