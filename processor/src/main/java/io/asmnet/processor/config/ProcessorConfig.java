package io.asmnet.processor.config;

import io.asmnet.processor.decode.FfmpegLogLevel;
import io.asmnet.processor.detect.Cascade;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the processor is configured with, typed and validated. Built by {@link
 * ConfigLoader} from a properties file, {@code ASMNET_*} environment variables and command-line
 * overrides; the property key of each field is given in {@link ConfigLoader}.
 *
 * @param kafka how to reach and use Kafka
 * @param topics the three topic names
 * @param inference the model and the dynamic batcher
 * @param stages decode, detector and tracker limits
 * @param metrics where the Prometheus endpoint listens
 */
public record ProcessorConfig(
    Kafka kafka, TopicNames topics, Inference inference, Stages stages, Metrics metrics) {

  public ProcessorConfig {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(stages, "stages");
    Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * @param applicationId Kafka Streams application.id (consumer group, state directory, prefixes)
   * @param bootstrapServers comma-separated host:port list
   * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once}
   * @param numStreamThreads stream threads in this instance (they share one model)
   * @param createTopics create missing topics at start instead of failing
   * @param passThrough further Kafka client/Streams settings (security, SASL/SSL), unchanged
   */
  public record Kafka(
      String applicationId,
      String bootstrapServers,
      String processingGuarantee,
      int numStreamThreads,
      boolean createTopics,
      Map<String, String> passThrough) {
    public Kafka {
      passThrough = Map.copyOf(passThrough);
    }
  }

  /** Topic names: frames in, pose events and dead letters out. */
  public record TopicNames(String frames, String poseEvents, String deadLetters) {}

  /**
   * @param modelPath the exported ONNX landmark model
   * @param device where to run it
   * @param maxBatchSize faces per model run, at most (1..256: two input buffers of 147 KiB per
   *     face are allocated up front, direct memory)
   * @param maxQueueDelayMicros how long the first face of a batch may wait for more faces
   *     (0..1,000,000 us)
   */
  public record Inference(
      Path modelPath, InferenceDevice device, int maxBatchSize, long maxQueueDelayMicros) {}

  /**
   * @param maxPayloadBytes frames with a larger encoded payload become OVERSIZED dead letters
   * @param maxPixels frames with more decoded pixels (width x height) become OVERSIZED
   * @param detectorCascade which OpenCV cascade finds faces
   * @param detectorMaxFaces faces per frame, at most
   * @param detectorMinFacePixels smallest face side to look for, frame pixels
   * @param detectorWidth frames are scaled to this width for detection, pixels
   * @param trackerRedetectInterval frames between detector runs while tracking
   * @param ffmpegLogLevel the least severe FFmpeg messages logged (through SLF4J, logger "ffmpeg")
   */
  public record Stages(
      int maxPayloadBytes,
      long maxPixels,
      Cascade detectorCascade,
      int detectorMaxFaces,
      int detectorMinFacePixels,
      int detectorWidth,
      int trackerRedetectInterval,
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
}
