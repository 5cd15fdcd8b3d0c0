package io.asmnet.cli.clip;

import io.asmnet.cli.CommandFailure;
import io.asmnet.cli.Locations;
import io.asmnet.cli.Progress;
import io.asmnet.cli.Version;
import io.asmnet.trainer.data.LabelledFace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code asmnet clip}: a test clip with exact ground truth from the starter set's held-out faces.
 */
@Command(
    name = "clip",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    header = "Build a test clip with exact ground truth from the held-out starter photos.",
    description = {
      "Each held-out photo (dlib's examples, fetched with apt-get download if not cached) becomes"
          + " a segment of --frames frames that pans, zooms and rotates; writes clip.mp4 (H.264),"
          + " frames/frame-NNNNNN.jpg and ground-truth.json (landmarks, boxes, pose per frame)"
          + " into --out. Replay it with 'asmnet replay DIR'.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  asmnet clip --out clips/heldout",
      "  asmnet clip --out /tmp/c --photos 2 --frames 60 --size 320x240 --seed 7",
      "",
      "Exit codes: 0 ok, 1 error (photos not obtainable), 2 usage."
    })
public final class ClipCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "Output folder (created).")
  private Path out;

  @Option(
      names = {"-n", "--frames"},
      paramLabel = "N",
      defaultValue = "150",
      description = "Frames per photo (default: ${DEFAULT-VALUE}).")
  private int frames;

  @Option(
      names = "--fps",
      paramLabel = "FPS",
      defaultValue = "30",
      description = "Frame rate of the MP4 and the motion (default: ${DEFAULT-VALUE}).")
  private int fps;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      defaultValue = "640x480",
      converter = FrameSize.Converter.class,
      description = "Frame size, even numbers (default: ${DEFAULT-VALUE}).")
  private FrameSize size;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the motion (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = {"-k", "--photos"},
      paramLabel = "K",
      defaultValue = "0",
      description = "Use the first K held-out photos; 0: all (default).")
  private int photos;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Cache of dlib's photos (default: $ASMNET_DATA_DIR or .cache/dlib in the checkout).")
  private Path dataDir;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress bar (default: when on a terminal).")
  private Boolean progress;

  @Override
  public Integer call() throws IOException {
    ClipSpec clipSpec = clipSpec();
    if (photos < 0) {
      throw new ParameterException(
          spec.commandLine(), "--photos must be 0 (all) or positive, got " + photos);
    }
    List<LabelledFace> faces =
        heldOutFaces(dataDir != null ? dataDir : Locations.starterDataCache(), photos);
    long total =
        (long) faces.stream().map(LabelledFace::image).distinct().count() * clipSpec.frames();
    BuiltClip clip;
    try (ProgressBar bar =
        Progress.bar("clip", total, progress != null ? progress : System.console() != null)) {
      clip = new ClipBuilder().build(clipSpec, faces, out, bar::stepTo);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "built %d frames (%d photos x %d, %dx%d at %d fps) in %s%n",
        clip.frames(),
        total / clipSpec.frames(),
        clipSpec.frames(),
        clipSpec.width(),
        clipSpec.height(),
        clipSpec.fps(),
        out.toAbsolutePath());
    w.printf(
        "  video:        %s%n  frames:       %s%n  ground truth: %s%n",
        clip.mp4(), clip.jpegDir(), clip.groundTruthJson());
    return 0;
  }

  /**
   * The faces of the first {@code photos} held-out photos (all when 0).
   *
   * @throws CommandFailure when the photos cannot be fetched or loaded, saying what to do
   */
  public static List<LabelledFace> heldOutFaces(Path cacheDir, int photos) {
    List<LabelledFace> all;
    try {
      all = ClipBuilder.starterHeldOut(cacheDir);
    } catch (RuntimeException e) {
      throw CommandFailure.error(
          "cannot get the starter photos (dlib's examples, Debian package libdlib19.1) into "
              + cacheDir.toAbsolutePath()
              + ": "
              + e.getMessage()
              + ". Run ./scripts/fetch-starter-data.sh where apt-get"
              + " works, or set ASMNET_DATA_DIR to a folder that holds them.",
          e);
    }
    if (all.isEmpty()) {
      throw CommandFailure.error("no held-out faces found in " + cacheDir.toAbsolutePath());
    }
    if (photos == 0) {
      return all;
    }
    List<Path> chosen = all.stream().map(LabelledFace::image).distinct().limit(photos).toList();
    return all.stream().filter(f -> chosen.contains(f.image())).toList();
  }

  private ClipSpec clipSpec() {
    try {
      ClipSpec d = ClipSpec.defaults();
      return new ClipSpec(
          frames,
          fps,
          size.width(),
          size.height(),
          d.maxPanPx(),
          d.minZoom(),
          d.maxZoom(),
          d.maxRotationDeg(),
          seed,
          d.gopFrames());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "bad clip settings: " + e.getMessage());
    }
  }

  /** A frame size from {@code WIDTHxHEIGHT}, as in {@code 640x480}. */
  record FrameSize(int width, int height) {
    /** Parses {@code 640x480}. */
    static final class Converter implements ITypeConverter<FrameSize> {
      @Override
      public FrameSize convert(String value) {
        String[] parts = value.toLowerCase(Locale.ROOT).split("x");
        try {
          if (parts.length == 2) {
            return new FrameSize(
                Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new TypeConversionException(
            "expected WIDTHxHEIGHT such as 640x480, got '" + value + "'");
      }
    }

    @Override
    public String toString() {
      return width + "x" + height;
    }
  }
}
