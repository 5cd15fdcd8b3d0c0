package io.asmnet.cli.demo;

import io.asmnet.cli.CameraOptions;
import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.EncodingOptions;
import io.asmnet.cli.KafkaOptions;
import io.asmnet.cli.Locations;
import io.asmnet.cli.StopSignal;
import io.asmnet.cli.Version;
import io.asmnet.cli.WireOptions;
import io.asmnet.cli.clip.BuiltClip;
import io.asmnet.cli.clip.ClipCommand;
import io.asmnet.cli.clip.ClipSpec;
import io.asmnet.cli.clip.GroundTruth;
import io.asmnet.cli.replay.ClipReplay;
import io.asmnet.cli.replay.ReplayOutcome;
import io.asmnet.cli.replay.ReplayReport;
import io.asmnet.cli.replay.ReplayScorer;
import io.asmnet.cli.replay.ReplaySettings;
import io.asmnet.cli.replay.ReportOutput;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.serde.WireFormat;
import io.asmnet.trainer.data.LabelledFace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet demo}: the whole system on one machine, offline. Starts a Kafka broker (its own
 * JVM) and the processor, builds a short test clip from the held-out starter photos, publishes it,
 * prints the pose events as they arrive, then the replay report and the metrics URL, and stops
 * everything it started (also on Ctrl-C).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    header = "Run everything locally: broker, processor, a test clip, events and a report.",
    description = {
      "Starts an embedded Kafka broker (unless --bootstrap-servers is given), creates the topics"
          + " frames, pose-events and frames-dlq, runs the processor in this process with"
          + " models/asmnet-starter.onnx, builds a test clip with exact ground truth from dlib's"
          + " held-out photos (fetched with apt-get download if not cached), publishes it, prints"
          + " one line per pose event, then the replay report and the metrics URL. Everything it"
          + " started is stopped at the end, or on Ctrl-C.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet demo",
      "  asmnet demo --frames 20 --photos 1 --quiet",
      "  asmnet demo --keep-running        then look at the metrics URL; Ctrl-C stops",
      "  asmnet demo --bootstrap-servers localhost:9092 --json",
      "",
      "Exit codes: 0 every frame got an event or a dead letter, 1 error or frames missing,"
          + " 2 usage."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private WireOptions wire;

  @Option(
      names = {"-n", "--frames"},
      paramLabel = "N",
      defaultValue = "60",
      description = "Frames per photo (default: ${DEFAULT-VALUE}).")
  private int frames;

  @Option(
      names = {"-k", "--photos"},
      paramLabel = "K",
      defaultValue = "2",
      description = "Held-out photos in the clip (default: ${DEFAULT-VALUE}).")
  private int photos;

  // 6 frames/s: what one CPU processor on 2 cores keeps up with, so latency shows the steady
  // state; a higher rate shows a backlog building.
  @Mixin
  private EncodingOptions encoding =
      new EncodingOptions(Codec.H264, 6.0, EnumSet.of(Codec.H264, Codec.JPEG));

  @Mixin private CameraOptions camera = new CameraOptions("demo-cam");

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "ONNX model (default: models/asmnet-starter.onnx in the checkout).")
  private Path model;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      description = "Inference device: auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
  private String device;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "2",
      description = "Partitions of the topics it creates (default: ${DEFAULT-VALUE}).")
  private int partitions;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Wait this long for the last results after the last frame (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Option(names = "--json", description = "Print each pose event as a full JSON line.")
  private boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "No per-event lines: only the report.")
  private boolean quiet;

  @Option(
      names = "--keep-running",
      description =
          "Keep processor and broker up after the report (look at /metrics) until Ctrl-C.")
  private boolean keepRunning;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Cache of dlib's photos (default: $ASMNET_DATA_DIR or .cache/dlib in the checkout).")
  private Path dataDir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    // Everything that can fail on bad input, before anything starts.
    Path modelFile = modelFile();
    List<LabelledFace> faces =
        ClipCommand.heldOutFaces(dataDir != null ? dataDir : Locations.starterDataCache(), photos);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (StopSignal stop = new StopSignal("demo", Duration.ofSeconds(60));
        DemoRun run = new DemoRun();
        WireFormat values = wire.open()) {
      boolean embedded =
          !spec.commandLine().getParseResult().hasMatchedOption("--bootstrap-servers");
      err.println(
          embedded
              ? "starting a Kafka broker and the processor..."
              : "starting the processor on " + kafka.bootstrapServers() + "...");
      err.flush();
      StackSettings settings =
          new StackSettings(
              embedded ? null : kafka.bootstrapServers(),
              partitions,
              modelFile,
              device,
              StackSettings.defaultMetricsPort(),
              run.stateDir(),
              Duration.ofSeconds(90),
              wire.processorSettings());
      LocalStack stack = run.startStack(settings, kafka);
      err.println(
          (stack.embeddedBroker()
                  ? "Kafka broker at "
                      + stack.bootstrapServers()
                      + " (pid "
                      + stack.brokerPid()
                      + ")"
                  : "Kafka broker at " + stack.bootstrapServers())
              + "; processor metrics at "
              + stack.metricsUrl());
      BuiltClip clip =
          run.buildClip(ClipSpec.defaults().withFrames(frames), faces, System.console() != null);
      GroundTruth truth = GroundTruth.read(clip.groundTruthJson());
      double fps = encoding.fps(0);
      err.printf(
          "publishing %d frames (%s, %s fps) to %s on %s%n",
          clip.frames(),
          encoding.codec(),
          fps == 0 ? "max" : fps,
          StackSettings.FRAMES,
          stack.bootstrapServers());
      err.flush();
      String clipId =
          camera.clipId() != null
              ? camera.clipId()
              : "demo-" + UUID.randomUUID().toString().substring(0, 8);
      ReplaySettings replay =
          new ReplaySettings(
              encoding.codec(), camera.cameraId(), clipId, fps, Duration.ofSeconds(timeoutSeconds));
      ReplayOutcome outcome =
          new ClipReplay(stack.replayTarget(kafka, values), replay)
              .run(
                  clip,
                  truth,
                  new EventPrinter(out, style()),
                  () -> stop.requested() || stack.processorDown());
      ReplayReport report = new ReplayScorer().score(outcome.input());
      out.println();
      ReportOutput.write(report, out, null, null);
      out.println("metrics: " + stack.metricsUrl());
      out.flush();
      if (stack.processorDown()) {
        err.println(
            "demo: the processor stopped before the clip was done (see the log above); "
                + outcome.missingMessage());
        return 1;
      }
      if (!outcome.complete() && !outcome.interrupted()) {
        err.println(
            "demo: "
                + outcome.missingMessage()
                + " within "
                + timeoutSeconds
                + " s after the last frame");
      }
      if (keepRunning && !stop.requested()) {
        err.println(
            "processor and broker keep running (bootstrap servers "
                + stack.bootstrapServers()
                + "); Ctrl-C stops them");
        err.flush();
        while (!stop.requested()) {
          Thread.sleep(200);
        }
      }
      err.println(
          "stopping the processor" + (stack.embeddedBroker() ? " and the broker" : "") + "...");
      err.flush();
      return outcome.complete() ? 0 : 1;
    }
  }

  private EventPrinter.Style style() {
    return quiet
        ? EventPrinter.Style.NONE
        : json ? EventPrinter.Style.JSON : EventPrinter.Style.COMPACT;
  }

  private Path modelFile() {
    if (model == null) {
      return Locations.starterModel();
    }
    if (!Files.isRegularFile(model)) {
      throw CommandFailure.usage("no model file at " + model);
    }
    return model;
  }

  private void validate() {
    if (frames < 1 || photos < 1 || partitions < 1 || timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--frames, --photos, --partitions and --timeout must be at least 1");
    }
    for (String problem : new String[] {encoding.problem(), camera.problem()}) {
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), problem);
      }
    }
    if (json && quiet) {
      throw new ParameterException(spec.commandLine(), "--json and --quiet exclude each other");
    }
  }
}
