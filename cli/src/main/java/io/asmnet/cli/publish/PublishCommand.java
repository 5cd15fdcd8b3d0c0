package io.asmnet.cli.publish;

import io.asmnet.cli.BrokerCheck;
import io.asmnet.cli.CameraOptions;
import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.EncodingOptions;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.Progress;
import io.asmnet.cli.StopSignal;
import io.asmnet.cli.Version;
import io.asmnet.cli.WireOptions;
import io.asmnet.processor.cli.TopicSpec;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.serde.WireFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asmnet publish SOURCE}: a video, a folder of images or a camera to the frames topic. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    header = "Publish a video, a folder of images or a camera to the frames topic.",
    description = {
      "Publish pictures to the frames topic, key = camera id, one Frame record per picture"
          + " (sequence from 0 per camera, capture time = the time it is published).",
      "JPEG and PNG: one still per picture. H264: an H.264 file's packets pass through unchanged;"
          + " other sources (and H.264 with B-frames) are encoded with libopenh264, a keyframe every"
          + " 50 pictures.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet publish clip.mp4                      as fast as possible, as JPEG",
      "  asmnet publish clip.mp4 --codec h264 --fps 25 --loop",
      "                                               H.264 passed through, forever",
      "  asmnet publish faces/ --cameras 8 --loop 10  load test: cameras cam-1..cam-8",
      "  asmnet publish faces/ --codec h264 --fps 10  images as one H.264 stream",
      "  asmnet publish /dev/video0 --camera-id desk  a webcam (v4l2)",
      "  asmnet publish rtsp://10.0.0.7/live --camera-id door",
      "",
      "Frames can be several MB: the producer sends requests up to 10 MiB, and the",
      "topic's max.message.bytes (1 MB by default) must allow the largest frame.",
      "Exit codes: 0 ok, 1 error (broker, topic), 2 usage (missing file, bad format)."
    })
public final class PublishCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private WireOptions wire;

  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description =
          "A video file (anything FFmpeg reads), a folder of images (sorted by name),"
              + " a webcam (/dev/video0) or a stream URL (rtsp://...).")
  private String source;

  @Option(
      names = {"-t", "--topic"},
      paramLabel = "TOPIC",
      defaultValue = "frames",
      description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
  private String topic;

  @Mixin
  private EncodingOptions encoding =
      new EncodingOptions(Codec.JPEG, 0.0, EnumSet.allOf(Codec.class));

  @Option(
      names = {"-q", "--jpeg-quality"},
      defaultValue = "90",
      paramLabel = "1-100",
      description = "JPEG quality (default: ${DEFAULT-VALUE}).")
  private int jpegQuality;

  @Option(
      names = "--loop",
      arity = "0..1",
      defaultValue = "1",
      fallbackValue = "0",
      paramLabel = "N",
      description = "Play a file or folder N times; --loop alone (or 0): forever, until Ctrl-C.")
  private long loop;

  @Mixin private CameraOptions camera = new CameraOptions("cam-1");

  @Option(
      names = "--cameras",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Fan the source out as N cameras PREFIX-1..PREFIX-N, each with its own sequence (load tests).")
  private int cameras;

  @Option(
      names = "--camera-prefix",
      defaultValue = "cam",
      paramLabel = "PREFIX",
      description = "Camera id prefix with --cameras (default: ${DEFAULT-VALUE}).")
  private String cameraPrefix;

  @Option(
      names = "--max-frames",
      defaultValue = "0",
      paramLabel = "N",
      description = "Stop after N pictures of the source (each sent to every camera); 0: no limit.")
  private long maxFrames;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description = "Force FFmpeg's input format (v4l2, rtsp, ...).")
  private String inputFormat;

  @Option(
      names = "--create-topic",
      arity = "0..1",
      fallbackValue = "1",
      paramLabel = "PARTITIONS",
      description =
          "Create the topic if it does not exist, with this many partitions (default 1), as the"
              + " processor creates its frames topic (max.message.bytes: the processor's payload limit + 64 KiB,"
              + " retention 1 h).")
  private Integer createTopic;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress bar (default: when on a terminal).")
  private Boolean progress;

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    List<String> ids = cameraIds();
    SourceOptions options =
        new SourceOptions(encoding.codec(), jpegQuality, inputFormat, encoding.fps(0));
    long plays = loop == 0 ? Long.MAX_VALUE : loop;
    long pictures = 0;
    PrintWriter out = spec.commandLine().getOut();
    // The source first: a missing file is reported at once, not after a broker timeout.
    // The stop signal outlives everything else, so Ctrl-C still gets the summary printed.
    try (StopSignal stop = new StopSignal("publish", Duration.ofSeconds(15));
        FrameSource frames = FrameSources.open(source, options, plays)) {
      if (createTopic != null
          && BrokerCheck.ensureTopic(
              kafka,
              TopicSpec.frames(topic, ProcessorConfig.Provisioning.defaults())
                  .withPartitions(createTopic))) {
        spec.commandLine()
            .getErr()
            .println("created topic " + topic + " with " + createTopic + " partition(s)");
      }
      BrokerCheck.requireTopics(kafka, List.of(topic));
      pictures = publish(frames, ids, out, stop);
    }
    if (pictures == 0) {
      throw CommandFailure.error(source + " gave no pictures");
    }
    return 0;
  }

  private long publish(FrameSource frames, List<String> ids, PrintWriter out, StopSignal stop)
      throws IOException, InterruptedException {
    long startNanos = System.nanoTime();
    long pictures = 0;
    long acknowledged;
    long bytes;
    try (WireFormat values = wire.open();
        FramePublisher publisher =
            FramePublisher.create(
                kafka.producerConfig(FramePublisher.producerDefaults()),
                topic,
                camera.clipId(),
                values.frames().serializer())) {
      try (ProgressBar bar = Progress.bar("publish", total(frames), showProgress())) {
        Pacer pacer = new Pacer(encoding.fps(0));
        while (!limitReached(pictures) && !stop.requested()) {
          Optional<EncodedFrame> next = frames.next();
          if (next.isEmpty()) {
            bar.maxHint(pictures); // the container's count is an estimate: end the bar at 100 %
            break;
          }
          pacer.await();
          if (pictures == 0) {
            startNanos = System.nanoTime(); // the rate of publishing, not of connecting
          }
          for (String id : ids) {
            publisher.publish(id, next.get());
          }
          pictures++;
          bar.step();
        }
      } // the bar is finished before the summary is printed
      publisher.flush();
      acknowledged = publisher.acknowledged();
      bytes = publisher.payloadBytes();
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.printf(
        "published %d frames (%d pictures x %d cameras, %.1f MB) from %s to %s in %.2f s: %.1f frames/s%n",
        acknowledged,
        pictures,
        ids.size(),
        bytes / 1e6,
        frames.describe(),
        topic,
        seconds,
        acknowledged / Math.max(seconds, 1e-9));
    return pictures;
  }

  private boolean limitReached(long pictures) {
    return maxFrames > 0 && pictures >= maxFrames;
  }

  private long total(FrameSource frames) {
    long size = frames.size();
    return maxFrames > 0 ? (size < 0 ? maxFrames : Math.min(size, maxFrames)) : size;
  }

  private boolean showProgress() {
    return progress != null ? progress : System.console() != null;
  }

  private List<String> cameraIds() {
    if (cameras == 1) {
      return List.of(camera.cameraId());
    }
    return IntStream.rangeClosed(1, cameras).mapToObj(i -> cameraPrefix + "-" + i).toList();
  }

  private void validate() {
    if (cameras < 1) {
      throw new ParameterException(
          spec.commandLine(), "--cameras must be at least 1, got " + cameras);
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new ParameterException(
          spec.commandLine(), "--jpeg-quality must be 1 to 100, got " + jpegQuality);
    }
    for (String problem : new String[] {encoding.problem(), camera.problem()}) {
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), problem);
      }
    }
    if (loop < 0 || maxFrames < 0) {
      throw new ParameterException(
          spec.commandLine(), "--loop and --max-frames must not be negative");
    }
    if (createTopic != null && createTopic < 1) {
      throw new ParameterException(
          spec.commandLine(), "--create-topic needs at least 1 partition, got " + createTopic);
    }
    if (cameraPrefix.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--camera-prefix must not be blank");
    }
  }
}
