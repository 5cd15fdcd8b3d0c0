package io.asmnet.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.CliRun;
import io.asmnet.cli.Locations;
import io.asmnet.cli.clip.ClipBuilder;
import io.asmnet.cli.clip.ClipCommand;
import io.asmnet.cli.clip.ClipSpec;
import io.asmnet.processor.cli.ProcessorApp;
import io.asmnet.processor.cli.ProductionStages;
import io.asmnet.processor.cli.RunningProcessor;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.trainer.data.LabelledFace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asmnet replay} against the run's real broker and a processor started here with the
 * production stages and the real model. The model may be untrained: counts are asserted, not
 * accuracy.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class ReplayCommandIT {
  private static final int FRAMES = 6;
  private static KafkaCluster kafka;
  private static Path clip;
  private static String frames;
  private static String events;
  private static String deadLetters;
  private static RunningProcessor processor;

  @BeforeAll
  static void startProcessor(KafkaCluster cluster, @TempDir Path dir) throws Exception {
    kafka = cluster;
    Path model = TestModels.require();
    clip = dir.resolve("clip");
    new ClipBuilder()
        .build(
            ClipSpec.defaults().withFrames(FRAMES).withSize(320, 240),
            photoWithFewestFaces(),
            clip);
    frames = cluster.createTopic("frames", 2);
    events = cluster.createTopic("events", 2);
    deadLetters = cluster.createTopic("dlq", 1);
    Map<String, String> sets = new HashMap<>();
    sets.put("bootstrap.servers", cluster.bootstrapServers());
    sets.put("application.id", cluster.uniqueApplicationId());
    sets.put("topic.frames", frames);
    sets.put("topic.pose.events", events);
    sets.put("topic.dead.letters", deadLetters);
    sets.put("model.path", model.toString());
    sets.put("inference.device", "cpu");
    sets.put("metrics.port", "0");
    sets.put("state.dir", dir.resolve("state").toString());
    processor =
        new ProcessorApp(ConfigLoader.load(null, Map.of(), sets), new ProductionStages()).start();
  }

  /**
   * The held-out photo with the fewest labelled faces: the processor's work per frame is per face.
   */
  private static List<LabelledFace> photoWithFewestFaces() {
    Map<Path, List<LabelledFace>> byPhoto =
        ClipCommand.heldOutFaces(Locations.starterDataCache(), 0).stream()
            .collect(Collectors.groupingBy(LabelledFace::image));
    return byPhoto.values().stream().min(Comparator.comparingInt(List::size)).orElseThrow();
  }

  @AfterAll
  static void stopProcessor() {
    if (processor != null) {
      processor.close();
    }
  }

  private static String[] replay(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "replay",
                clip.toString(),
                "-b",
                kafka.bootstrapServers(),
                "--frames-topic",
                frames,
                "--events-topic",
                events,
                "--dead-letter-topic",
                deadLetters,
                "--timeout",
                "120"));
    args.addAll(Arrays.asList(more));
    return args.toArray(String[]::new);
  }

  @Test
  void shouldAccountForEveryH264FramePrintTheReportAndWriteJsonAndPlot(@TempDir Path out)
      throws Exception {
    Path json = out.resolve("report/replay.json");
    Path png = out.resolve("report/replay.png");

    CliRun run =
        CliRun.of(
            replay(
                "--camera-id",
                "it-h264",
                "--fps",
                "0",
                "--report-json",
                json.toString(),
                "--plot",
                png.toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("frames in\\s+" + FRAMES + "\\s+frames")
        .contains("NME mean", "latency p50", "report JSON: " + json, "plot:        " + png);
    ReplayReport report = ReplayReport.fromJson(Files.readString(json));
    assertThat(report.frames().framesIn()).isEqualTo(FRAMES);
    assertThat(report.frames().framesOut()).isEqualTo(FRAMES);
    assertThat(report.frames().missingFrames()).isZero();
    assertThat(report.frames().deadLetters()).isZero();
    assertThat(report.frames().duplicateEvents()).isZero();
    assertThat(report.frames().unexpectedEvents()).isZero();
    assertThat(report.series())
        .hasSize(FRAMES)
        .allSatisfy(s -> assertThat(s.latencyMs()).isNotNull().isPositive());
    assertThat(report.speed().latencyFrom()).isEqualTo("publish");
    byte[] image = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(image, 4)).containsExactly(0x89, 'P', 'N', 'G');
  }

  @Test
  void shouldReplayTheJpegFramesUnderItsOwnCameraAndClipId() throws Exception {
    CliRun run =
        CliRun.of(replay("--codec", "jpeg", "--camera-id", "it-jpeg", "--clip-id", "jpeg-run"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("frames out\\s+" + FRAMES + "\\s+frames")
        .containsPattern("missing frames\\s+0\\s+frames")
        .containsPattern("unexpected events\\s+0\\s");
  }

  @Test
  void shouldExitOneNamingTheMissingFramesWhenNoProcessorAnswers() {
    String unread = kafka.createTopic("unread-frames", 1);

    CliRun run =
        CliRun.of(
            "replay",
            clip.toString(),
            "-b",
            kafka.bootstrapServers(),
            "--frames-topic",
            unread,
            "--events-topic",
            events,
            "--dead-letter-topic",
            deadLetters,
            "--fps",
            "0",
            "--timeout",
            "2");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            FRAMES + " of " + FRAMES + " frames got no pose event or dead letter",
            "sequences 0, 1, 2",
            "within 2 s after the last frame");
    assertThat(run.out()).containsPattern("missing frames\\s+" + FRAMES + "\\s+frames");
  }

  @Test
  void shouldReplayOnAnEmbeddedBrokerAndProcessorAndStopThem() {
    Set<Long> childrenBefore =
        ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());

    CliRun run =
        CliRun.of("replay", clip.toString(), "--embedded", "--fps", "0", "--timeout", "120");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("frames out\\s+" + FRAMES + "\\s+frames");
    assertThat(
            ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid))
        .allMatch(childrenBefore::contains);
  }
}
