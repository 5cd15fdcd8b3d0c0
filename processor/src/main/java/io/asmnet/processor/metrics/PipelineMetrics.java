package io.asmnet.processor.metrics;

import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.avro.StageTimings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The one place that names every asmnet meter (the list with meanings is {@code docs/METRICS.md}).
 * Turns what the pipeline reports ({@link PipelineObserver}) into Micrometer meters in base units
 * (seconds, faces) and binds Micrometer's JVM, process and Kafka Streams binders. Every meter
 * carries the common tags {@code application.id} and {@link #PROCESSOR_LABEL} (this process's name;
 * Prometheus' own {@code instance} label, the scrape target, is left to the scraper). Thread-safe;
 * the hot path ({@link #frameProcessed}) only touches pre-resolved meters.
 */
public final class PipelineMetrics implements PipelineObserver, AutoCloseable {

  /**
   * Per-stage time of one frame, seconds; tag {@code stage} (decode, detect, track, infer_queue,
   * infer). The stages of one frame do not sum to its whole time (detect and track are skipped on
   * some frames); that is {@link #FRAME_DURATION}. Prometheus: {@code _seconds}.
   */
  public static final String STAGE_DURATION = "asmnet.stage.duration";

  /** Arrival to event of one frame, seconds: all stages and the waits between them. */
  public static final String FRAME_DURATION = "asmnet.frame.duration";

  /**
   * Common label naming this processor (its host name by default). Not {@code instance}: that is
   * the label Prometheus sets to the scrape target, which dashboards and alerts use.
   */
  public static final String PROCESSOR_LABEL = "processor";

  /** Capture time to event emission, seconds (includes Kafka transit and clock skew). */
  public static final String EVENT_LATENCY = "asmnet.event.latency";

  /** Frames turned into pose events; tag {@code camera}. Prometheus: {@code _total}. */
  public static final String FRAMES = "asmnet.frames";

  /** Faces in pose events; tags {@code camera}, {@code source} (detected/tracked). */
  public static final String FACES = "asmnet.faces";

  /** Records sent to the dead-letter topic; tag {@code kind} (the ErrorKind, lower case). */
  public static final String DEAD_LETTERS = "asmnet.dead.letters";

  /**
   * Output records Kafka refused (too large, invalid); tags {@code topic}, {@code error}. Each is
   * logged and, where possible, replaced by a small dead letter.
   */
  public static final String PRODUCTION_ERRORS = "asmnet.production.errors";

  /** Faces per batch run by the dynamic batcher. */
  public static final String BATCH_SIZE = "asmnet.infer.batch.size";

  /** Wait in the batcher's queue before a batch ran, seconds. */
  public static final String QUEUE_DELAY = "asmnet.infer.queue.delay";

  /** Model run time of one batch, seconds. */
  public static final String BATCH_DURATION = "asmnet.infer.batch.duration";

  /**
   * Info gauge (value 1): the inference device; tags {@code device} (cpu, cuda: what the session
   * got) and {@code requested} ({@code inference.device}: auto, cpu, cuda), so an alert can tell
   * "auto fell back to the CPU" from "CPU on purpose".
   */
  public static final String DEVICE_INFO = "asmnet.inference.device.info";

  /** Info gauge (value 1): the model in use; tags {@code model}, {@code version}. */
  public static final String MODEL_INFO = "asmnet.model.info";

  /**
   * Info gauge: which face detector runs, and on which device ({@code detector}, {@code device}).
   */
  public static final String DETECTOR_INFO = "asmnet.detector.info";

  /** 1 when the instance is ready (see {@link StreamsHealth}), else 0. */
  public static final String READY = "asmnet.ready";

  /** 1 while Kafka answers, 0 while it does not, NaN before the first probe. */
  public static final String KAFKA_CONNECTED = "asmnet.kafka.connected";

  /**
   * Resident set size of the process, bytes (heap and native memory together); the name the
   * Prometheus client's process collector uses, so existing dashboards and alerts find it.
   */
  public static final String RESIDENT_MEMORY = "process.resident.memory";

  /** Default number of cameras that get their own {@code camera} tag value. */
  public static final int DEFAULT_MAX_CAMERAS = 50;

  private final MeterRegistry registry;
  private final CameraLabels cameras;
  private final RuntimeBinders binders;
  private final Map<String, CameraMeters> perCamera = new ConcurrentHashMap<>();
  private final Map<ErrorKind, Counter> deadLetters = new EnumMap<>(ErrorKind.class);
  private final Timer decode;
  private final Timer detect;
  private final Timer track;
  private final Timer inferQueue;
  private final Timer infer;
  private final Timer total;
  private final Timer eventLatency;
  private final DistributionSummary batchSize;
  private final Timer queueDelay;
  private final Timer batchDuration;
  private final InfoGauge device;
  private final InfoGauge model;
  private final InfoGauge detector;

  /**
   * Registers every meter on {@code registry} and sets its common tags, so pass a fresh registry.
   *
   * @param maxCameras how many distinct cameras get their own {@code camera} tag; later ones are
   *     counted as {@code other}
   */
  public PipelineMetrics(
      MeterRegistry registry, String applicationId, String instance, int maxCameras) {
    this.registry = Objects.requireNonNull(registry, "registry");
    registry.config().commonTags("application.id", applicationId, PROCESSOR_LABEL, instance);
    this.cameras = new CameraLabels(maxCameras);
    Gauge.builder(RESIDENT_MEMORY, ResidentMemory::bytes)
        .baseUnit("bytes")
        .description("Resident set size: heap and native memory (ONNX Runtime, OpenCV, FFmpeg)")
        .register(registry);
    this.decode = stageTimer("decode");
    this.detect = stageTimer("detect");
    this.track = stageTimer("track");
    this.inferQueue = stageTimer("infer_queue");
    this.infer = stageTimer("infer");
    this.total =
        Histograms.latency(Timer.builder(FRAME_DURATION))
            .description("Arrival to pose event of one frame")
            .register(registry);
    this.eventLatency =
        Histograms.latency(Timer.builder(EVENT_LATENCY))
            .description("Frame capture to pose event emission")
            .register(registry);
    for (ErrorKind kind : ErrorKind.values()) {
      deadLetters.put(
          kind,
          Counter.builder(DEAD_LETTERS)
              .tag("kind", kind.name().toLowerCase())
              .description("Records sent to the dead-letter topic")
              .register(registry));
    }
    this.batchSize =
        DistributionSummary.builder(BATCH_SIZE)
            .baseUnit("faces")
            .serviceLevelObjectives(Histograms.BATCH_BUCKETS)
            .description("Faces per inference batch")
            .register(registry);
    this.queueDelay =
        Histograms.latency(Timer.builder(QUEUE_DELAY))
            .description("Wait in the batcher queue before the batch ran")
            .register(registry);
    this.batchDuration =
        Histograms.latency(Timer.builder(BATCH_DURATION))
            .description("Model run time of one batch")
            .register(registry);
    this.device = new InfoGauge(registry, DEVICE_INFO, "Inference device (value 1)");
    this.model = new InfoGauge(registry, MODEL_INFO, "Model in use (value 1)");
    this.detector = new InfoGauge(registry, DETECTOR_INFO, "Face detector in use (value 1)");
    this.binders = new RuntimeBinders(registry);
  }

  /**
   * Binds the Kafka Streams client metrics (lag, rates, thread state); call once, after creation.
   */
  public void bindKafkaStreams(KafkaStreams streams) {
    binders.bindKafkaStreams(Objects.requireNonNull(streams, "streams"));
  }

  /**
   * Registers the readiness and Kafka-contact gauges; call once.
   *
   * @param health the Streams client's health (its Kafka contact)
   * @param ready what {@code /health/ready} answers (the Streams client and the inference batcher)
   */
  public void bindHealth(Supplier<StreamsHealth> health, java.util.function.BooleanSupplier ready) {
    Objects.requireNonNull(health, "health");
    Gauge.builder(READY, () -> ready.getAsBoolean() ? 1 : 0)
        .description("1 when assigned partitions and making progress (/health/ready answers 200)")
        .register(registry);
    Gauge.builder(
            KAFKA_CONNECTED,
            () ->
                switch (health.get().kafka().status()) {
                  case CONNECTED -> 1.0;
                  case LOST -> 0.0;
                  case UNKNOWN -> Double.NaN;
                })
        .description("1 while Kafka answers this instance's probes, 0 while it does not")
        .register(registry);
  }

  /** Reports the device the estimator runs on (e.g. {@code cpu}, {@code cuda}), as asked for. */
  public void inferenceDevice(String deviceName) {
    inferenceDevice(deviceName, deviceName);
  }

  /**
   * Reports the device the estimator runs on and the one {@code inference.device} asked for.
   *
   * @param requested e.g. {@code auto}
   */
  public void inferenceDevice(String deviceName, String requested) {
    device.set(Tags.of("device", deviceName.toLowerCase(), "requested", requested.toLowerCase()));
  }

  /**
   * Reports the face detector in use.
   *
   * @param name {@code blazeface} or {@code haar}
   * @param deviceName where it runs (the cascade always on the CPU)
   */
  public void detectorInUse(String name, String deviceName) {
    String where = "haar".equals(name) ? "cpu" : deviceName.toLowerCase();
    detector.set(Tags.of("detector", name, "device", where));
  }

  /** Reports the model in use; also learnt from each event's model name and version. */
  public void modelInUse(String name, String version) {
    model.set(Tags.of("model", name, "version", version));
  }

  @Override
  public void frameProcessed(PoseEvent event) {
    CameraMeters meters =
        perCamera.computeIfAbsent(
            cameras.label(event.getCameraId().toString()), this::cameraMeters);
    meters.frames.increment();
    for (Face face : event.getFaces()) {
      (face.getSource() == FaceSource.TRACKED ? meters.tracked : meters.detected).increment();
    }
    StageTimings t = event.getTimings();
    record(decode, t.getDecodeMicros());
    // 0 means the stage did not run (tracked faces skip the detector; no faces skip inference).
    recordIfRan(detect, t.getDetectMicros());
    recordIfRan(track, t.getTrackMicros());
    if (!event.getFaces().isEmpty()) {
      record(inferQueue, t.getInferQueueMicros());
      record(infer, t.getInferMicros());
    }
    record(total, t.getTotalMicros());
    long latencyMs = event.getProcessedTimeMs() - event.getCaptureTimeMs();
    if (latencyMs >= 0) { // a negative value is clock skew between publisher and processor
      eventLatency.record(latencyMs, TimeUnit.MILLISECONDS);
    }
    modelInUse(event.getModelName().toString(), event.getModelVersion().toString());
  }

  @Override
  public void deadLetter(ErrorKind kind) {
    deadLetters.get(kind == null ? ErrorKind.INTERNAL : kind).increment();
  }

  @Override
  public void batchRun(int faces, long queueMicros, long runMicros) {
    batchSize.record(faces);
    record(queueDelay, queueMicros);
    record(batchDuration, runMicros);
  }

  @Override
  public void productionFailed(String topic, String error) {
    // Tag values are bounded: two output topics, a handful of exception classes.
    Counter.builder(PRODUCTION_ERRORS)
        .tags("topic", topic, "error", error)
        .description("Output records Kafka refused to store")
        .register(registry)
        .increment();
  }

  @Override
  public void close() {
    binders.close();
  }

  private CameraMeters cameraMeters(String camera) {
    Counter frames =
        Counter.builder(FRAMES)
            .tag("camera", camera)
            .description("Frames turned into pose events")
            .register(registry);
    return new CameraMeters(frames, faces(camera, "detected"), faces(camera, "tracked"));
  }

  private Counter faces(String camera, String source) {
    return Counter.builder(FACES)
        .tags("camera", camera, "source", source)
        .description("Faces in pose events")
        .register(registry);
  }

  private Timer stageTimer(String stage) {
    return Histograms.latency(Timer.builder(STAGE_DURATION))
        .tag("stage", stage)
        .description("Time spent per stage on one frame")
        .register(registry);
  }

  private static void record(Timer timer, long micros) {
    if (micros >= 0) {
      timer.record(micros, TimeUnit.MICROSECONDS);
    }
  }

  private static void recordIfRan(Timer timer, long micros) {
    if (micros > 0) {
      timer.record(micros, TimeUnit.MICROSECONDS);
    }
  }

  private record CameraMeters(Counter frames, Counter detected, Counter tracked) {}
}
