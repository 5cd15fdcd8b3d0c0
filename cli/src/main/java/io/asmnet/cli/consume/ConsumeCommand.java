package io.asmnet.cli.consume;

import io.asmnet.cli.BrokerCheck;
import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.StopSignal;
import io.asmnet.cli.TopicOptions;
import io.asmnet.cli.Version;
import io.asmnet.cli.WireOptions;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.FfmpegLog;
import io.asmnet.processor.decode.FfmpegLogLevel;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.serde.AvroJson;
import io.asmnet.schemas.serde.JsonRendering;
import io.asmnet.schemas.serde.WireFormat;
import io.asmnet.schemas.serde.WireFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code asmnet consume}: pose events (or dead letters) as JSON lines, optionally rendered. */
@Command(
    name = "consume",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    header = "Print pose events or dead letters as JSON lines; draw them onto their frames.",
    description = {
      "Print pose events as JSON lines (one per frame) on standard output, or dead letters with"
          + " --dead-letters. Reads every partition without a consumer group (read_committed),"
          + " from the end unless --from-beginning. --render also reads the frames topic and"
          + " draws boxes, landmarks and head-pose axes onto the frames.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet consume --from-beginning --max 10",
      "  asmnet consume --camera cam-1 --camera cam-2 | jq .faces[0].yaw",
      "  asmnet consume --dead-letters --from-beginning --timeout 5",
      "  asmnet consume --format avro-json -n 100 > events.json   (avro-tools fromjson reads it back)",
      "  asmnet consume --camera cam-1 --render out.mp4    (or a folder for PNGs)",
      "",
      "Exit codes: 0 ok, 1 error (broker, topic, a record of an unknown schema), 2 usage."
    })
public final class ConsumeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;

  @Mixin private TopicOptions topics;
  @Mixin private WireOptions wire;

  @Option(
      names = "--dead-letters",
      description = "Tail the dead-letter topic instead of pose events.")
  private boolean deadLetters;

  @Option(names = "--camera", paramLabel = "ID", description = "Only this camera (repeatable).")
  private List<String> cameras = new ArrayList<>();

  @Option(
      names = "--from-beginning",
      description = "Start at the oldest record (default: only new records).")
  private boolean fromBeginning;

  @Option(
      names = {"-n", "--max"},
      defaultValue = "0",
      paramLabel = "N",
      description = "Stop after N records printed; 0: no limit.")
  private long max;

  @Option(
      names = "--timeout",
      defaultValue = "0",
      paramLabel = "SECONDS",
      description = "Stop after SECONDS without a new record; 0: never (Ctrl-C).")
  private double timeoutSeconds;

  @Option(
      names = "--lossless",
      description =
          "Print payload bytes as base64 (JsonRendering.toJson) instead of a short description.")
  private boolean lossless;

  /** How a record becomes a line. */
  enum Format {
    json,
    avro_json
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      converter = FormatConverter.class,
      description =
          "json (default): plain JSON, bytes shortened unless --lossless; avro-json: Avro's own JSON"
              + " encoding, lossless, which avro-tools (fromjson --schema-file) and other languages' Avro libraries read back.")
  private Format format;

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return switch (value) {
        case "json" -> Format.json;
        case "avro-json" -> Format.avro_json;
        default ->
            throw new picocli.CommandLine.TypeConversionException(
                "expected json or avro-json, not '" + value + "'");
      };
    }
  }

  @Option(
      names = "--skip-bad-records",
      description =
          "Count and skip records of an unknown schema instead of stopping with exit code 1.")
  private boolean skipBad;

  @Option(
      names = "--render",
      paramLabel = "OUT",
      description =
          "Draw the events onto their frames: OUT.mp4 writes a video (one camera per video: use --camera), anything else a folder of PNGs named CAMERA-SEQUENCE.png.")
  private Path render;

  @Option(
      names = "--render-fps",
      paramLabel = "FPS",
      defaultValue = "25",
      description = "Frame rate of the rendered MP4 (default: ${DEFAULT-VALUE}).")
  private double renderFps;

  @Option(
      names = "--render-background",
      paramLabel = "frame|blank",
      defaultValue = "frame",
      description =
          "What --render draws on: the frame itself, or blank: a grey picture of the frame's size with each face drawn as lines along its landmarks, which carries none of the frame's pixels (pictures that can be shared when the video cannot; default: ${DEFAULT-VALUE}).")
  private RenderBackground renderBackground;

  /** What {@code --render} draws on. */
  enum RenderBackground {
    frame,
    blank
  }

  @Option(
      names = "--max-pending",
      defaultValue = "500",
      paramLabel = "N",
      description =
          "Frames (and events) that may wait for their partner, per camera (default: ${DEFAULT-VALUE}).")
  private int maxPending;

  private long printed;
  private long skipped;

  @Override
  public Integer call() throws IOException {
    validate();
    String eventsTopic = deadLetters ? topics.deadLetters() : topics.events();
    List<String> subscribed =
        render == null ? List.of(eventsTopic) : List.of(eventsTopic, topics.frames());
    BrokerCheck.requireTopics(kafka, subscribed);
    PrintWriter out = spec.commandLine().getOut();
    if (render != null) {
      FfmpegLog.route(
          FfmpegLogLevel.ERROR); // decoding for the render: FFmpeg's lines to the log, not stderr
    }
    Duration idleLimit =
        timeoutSeconds > 0 ? Duration.ofMillis(Math.round(timeoutSeconds * 1000)) : null;
    try (WireFormat values = wire.open();
        StopSignal stop = new StopSignal("consume", Duration.ofSeconds(15));
        TopicTail tail =
            TopicTail.open(kafka.consumerConfig(), subscribed, fromBeginning, kafka.timeout());
        FrameJoiner joiner =
            render == null
                ? null
                : new FrameJoiner(
                    new CompositeFrameDecoder(DecodeLimits.defaults()),
                    RenderSinks.open(render, renderFps),
                    maxPending,
                    new PoseOverlay(renderBackground == RenderBackground.blank))) {
      long lastRecord = System.nanoTime();
      while (!finished(joiner)
          && !stop.requested()
          && (idleLimit == null || System.nanoTime() - lastRecord < idleLimit.toNanos())) {
        for (ConsumerRecord<byte[], byte[]> record : tail.poll(Duration.ofMillis(200))) {
          lastRecord = System.nanoTime();
          if (!wanted(record.key())) {
            continue;
          }
          if (record.topic().equals(eventsTopic)) {
            if (done()) {
              continue; // --max reached: only frames for the events already printed still matter
            }
            onEvent(
                record,
                deadLetters
                    ? values.deadLetters().deserializer()
                    : values.poseEvents().deserializer(),
                out,
                joiner);
          } else if (joiner != null) {
            onFrame(record, values.frames().deserializer(), joiner);
          }
        }
      }
      out.flush();
      summary(joiner);
    }
    return 0;
  }

  private void onEvent(
      ConsumerRecord<byte[], byte[]> record,
      Deserializer<? extends SpecificRecord> serde,
      PrintWriter out,
      FrameJoiner joiner)
      throws IOException {
    SpecificRecord value;
    try {
      value = serde.deserialize(record.topic(), record.value());
    } catch (WireFormatException e) {
      if (!skipBad) {
        throw CommandFailure.error(
            "record "
                + record.topic()
                + "-"
                + record.partition()
                + "@"
                + record.offset()
                + " is not a "
                + (deadLetters ? "DeadLetter" : "PoseEvent")
                + " of a schema version this asmnet knows: "
                + e.getMessage()
                + " (--skip-bad-records skips such records)",
            e);
      }
      skipped++;
      return;
    }
    if (value instanceof io.asmnet.schemas.avro.PoseEvent event) {
      if (!cameras.isEmpty() && !cameras.contains(event.getCameraId())) {
        return;
      }
      if (joiner != null) {
        joiner.onEvent(event);
      }
    }
    out.println(line(value));
    printed++;
  }

  private String line(SpecificRecord value) {
    if (format == Format.avro_json) {
      return AvroJson.toAvroJson(value);
    }
    return lossless ? JsonRendering.toJson(value) : JsonRendering.toDisplayJson(value);
  }

  private void onFrame(
      ConsumerRecord<byte[], byte[]> record, Deserializer<Frame> serde, FrameJoiner joiner)
      throws IOException {
    Frame frame;
    try {
      frame = serde.deserialize(record.topic(), record.value());
    } catch (WireFormatException e) {
      skipped++; // not rendered; the processor dead-letters it too
      return;
    }
    if (cameras.isEmpty() || cameras.contains(frame.getCameraId())) {
      joiner.onFrame(frame);
    }
  }

  private boolean wanted(byte[] key) {
    // Keys are camera ids; a record without a key is decoded and filtered by its cameraId.
    return cameras.isEmpty()
        || key == null
        || cameras.contains(new String(key, StandardCharsets.UTF_8));
  }

  private boolean done() {
    return max > 0 && printed >= max;
  }

  /** Done, and every printed event that waits for its frame has been rendered. */
  private boolean finished(FrameJoiner joiner) {
    return done() && (joiner == null || joiner.waitingEvents() == 0);
  }

  private void summary(FrameJoiner joiner) {
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "consumed %d %s%s%n",
        printed,
        deadLetters ? "dead letters" : "pose events",
        skipped > 0 ? ", skipped " + skipped + " records of an unknown schema" : "");
    if (joiner != null) {
      err.printf(
          "rendered %d frames to %s (%d not decodable, %d dropped waiting for their partner)%n",
          joiner.rendered(), render, joiner.failed(), joiner.dropped());
    }
    err.flush();
  }

  private void validate() {
    if (render != null && deadLetters) {
      throw new ParameterException(
          spec.commandLine(),
          "--render draws pose events: it cannot be combined with --dead-letters");
    }
    if (lossless && format == Format.avro_json) {
      throw new ParameterException(
          spec.commandLine(), "--lossless applies to --format json; avro-json is always lossless");
    }
    if (max < 0 || timeoutSeconds < 0 || maxPending < 1 || renderFps <= 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--max and --timeout must not be negative, --max-pending and --render-fps must be positive");
    }
  }
}
