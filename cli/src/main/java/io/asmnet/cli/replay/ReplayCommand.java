package io.asmnet.cli.replay;

import io.asmnet.cli.CameraOptions;
import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.EncodingOptions;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.Progress;
import io.asmnet.cli.StopSignal;
import io.asmnet.cli.TopicOptions;
import io.asmnet.cli.Version;
import io.asmnet.cli.WireOptions;
import io.asmnet.cli.clip.BuiltClip;
import io.asmnet.cli.clip.GroundTruth;
import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet replay CLIP_DIR}: publishes a clip built by {@code asmnet clip} to a running
 * processor and scores what comes back against the clip's ground truth.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    header = "Replay a test clip through a running processor and score the results.",
    description = {
      "Publishes the clip (clip.mp4's H.264 access units, or its JPEG frames) with sequences"
          + " 0..n-1 and a clip id, reads pose-events and frames-dlq (read_committed; only this"
          + " clip id and camera) until every frame got an event or a dead letter, then prints"
          + " delivery, accuracy (NME, pose errors) and latency.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet clip --out /tmp/clip && asmnet replay /tmp/clip",
      "  asmnet replay /tmp/clip --codec jpeg --report-json r.json --plot r.png",
      "  asmnet replay /tmp/clip --embedded          broker and processor started here",
      "",
      "Exit codes: 0 every frame accounted for, 1 frames missing or error, 2 usage."
    })
public final class ReplayCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;

  @Parameters(
      index = "0",
      paramLabel = "CLIP_DIR",
      description = "A folder written by 'asmnet clip'.")
  private Path clipDir;

  @Option(
      names = "--embedded",
      description =
          "Start a Kafka broker and the processor in this process (as 'asmnet demo' does).")
  private boolean embedded;

  // No default rate: the clip's own.
  @Mixin
  private EncodingOptions encoding =
      new EncodingOptions(Codec.H264, null, EnumSet.of(Codec.H264, Codec.JPEG));

  @Mixin private CameraOptions camera = new CameraOptions("replay");

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Wait this long for results after the last frame (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Option(
      names = "--report-json",
      paramLabel = "FILE",
      description = "Also write the report as JSON.")
  private Path reportJson;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description = "Also draw per-frame NME and latency into a PNG.")
  private Path plot;

  @Mixin private TopicOptions topics;
  @Mixin private WireOptions wire;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "With --embedded: ONNX model (default: models/asmnet-starter.onnx).")
  private Path model;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress bar of the results (default: when on a terminal).")
  private Boolean progress;

  @Override
  public Integer call() throws InterruptedException {
    validate();
    BuiltClip clip = openClip();
    GroundTruth truth = readTruth(clip);
    ReplaySettings settings =
        new ReplaySettings(
            encoding.codec(),
            camera.cameraId(),
            camera.clipId() != null ? camera.clipId() : defaultClipId(),
            encoding.fps(truth.spec().fps()),
            Duration.ofSeconds(timeoutSeconds));
    try (StopSignal stop = new StopSignal("replay", Duration.ofSeconds(60));
        EmbeddedTarget target =
            EmbeddedTarget.open(
                embedded,
                kafka,
                wire,
                model,
                spec.commandLine().getErr(),
                topics.frames(),
                topics.events(),
                topics.deadLetters())) {
      ReplayOutcome outcome;
      // Events as they arrive, out of the clip's frames; finished before the report is printed.
      try (ReplayProgress progressBar =
          new ReplayProgress(
              Progress.bar("replay", truth.frames().size(), showProgress()), ReplayListener.NONE)) {
        outcome =
            new ClipReplay(target.target(), settings)
                .run(clip, truth, progressBar, stop::requested);
      }
      PrintWriter out = spec.commandLine().getOut();
      ReportOutput.write(new ReplayScorer().score(outcome.input()), out, reportJson, plot);
      if (!outcome.complete()) {
        spec.commandLine()
            .getErr()
            .println(
                "replay: "
                    + outcome.missingMessage()
                    + (outcome.interrupted()
                        ? " (stopped)"
                        : " within " + timeoutSeconds + " s after the last frame"));
        return CommandFailure.ERROR;
      }
      return 0;
    }
  }

  private boolean showProgress() {
    return progress != null ? progress : System.console() != null;
  }

  private BuiltClip openClip() {
    if (!Files.isDirectory(clipDir)) {
      throw CommandFailure.usage(
          "no clip folder at " + clipDir + " (build one with: asmnet clip --out " + clipDir + ")");
    }
    try {
      return BuiltClip.open(clipDir);
    } catch (IOException e) {
      throw CommandFailure.usage(e.getMessage());
    }
  }

  private static GroundTruth readTruth(BuiltClip clip) {
    try {
      return GroundTruth.read(clip.groundTruthJson());
    } catch (IOException e) {
      throw CommandFailure.usage(e.getMessage());
    }
  }

  private String defaultClipId() {
    Path name = clipDir.toAbsolutePath().normalize().getFileName();
    return (name == null ? "clip" : name.toString())
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private void validate() {
    for (String problem : new String[] {encoding.problem(), camera.problem()}) {
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), problem);
      }
    }
    if (timeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout must be at least 1");
    }
    if (embedded && spec.commandLine().getParseResult().hasMatchedOption("--bootstrap-servers")) {
      throw new ParameterException(
          spec.commandLine(), "--embedded starts its own broker: leave out --bootstrap-servers");
    }
    if (model != null && !embedded) {
      throw new ParameterException(
          spec.commandLine(), "--model needs --embedded (a running processor has its own)");
    }
  }
}
