package io.asmnet.cli.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.detect.BlazeFaceConfig;
import io.asmnet.processor.detect.BlazeFaceDetector;
import io.asmnet.processor.detect.BlazeFaceNet;
import io.asmnet.processor.detect.CascadeFaceDetector;
import io.asmnet.processor.detect.DetectorConfig;
import io.asmnet.processor.detect.FaceDetector;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.track.BlazeFaceConfirmer;
import io.asmnet.trainer.data.StarterDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet bench detector}: the face detectors alone (prints figures; not a test): ms per
 * frame for BlazeFace (whole frame plus its tiles) and the Haar cascade on dlib's photos fitted
 * into 640x480 and 1920x1080 frames, and ms per face for the short-range confirmation of a tracked
 * face. One thread, warm-up runs excluded, both detectors in the same run.
 */
@Command(
    name = "detector",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "The face detectors alone: BlazeFace vs the Haar cascade, ms per frame on dlib's photos fitted into"
            + " 640x480 and 1920x1080, and the short-range confirmation per tracked face. Prints figures; asserts nothing.")
public final class DetectorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      description = "cpu, cuda or auto, for BlazeFace (default ${DEFAULT-VALUE}).")
  String device = "cpu";

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "ONNX Runtime intra-op threads (default ${DEFAULT-VALUE}, as the processor).")
  int threads = 1;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "Timed passes over the photos per frame size (default ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Starter data cache (dlib's photos; fetched when absent; default $ASMNET_DATA_DIR, else .cache/dlib).")
  Path dataDir = StarterDataset.defaultCacheDir();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<DlibPhotos.Photo> photos = DlibPhotos.load(dataDir);
    double loadBefore = Load.oneMinute();
    List<String> rows = new ArrayList<>();
    InferenceDevice d = InferenceDevice.parse(device);
    try (BlazeFaceNet full =
            BlazeFaceNet.open(BlazeFaceNet.BUNDLED, BlazeFaceNet.FULL_RANGE, d, threads);
        BlazeFaceNet shortRange =
            BlazeFaceNet.open(BlazeFaceNet.BUNDLED, BlazeFaceNet.SHORT_RANGE, d, threads)) {
      String used = full.device().name().toLowerCase(Locale.ROOT);
      for (int[] size : new int[][] {{640, 480}, {1920, 1080}}) {
        List<Mat> frames = new ArrayList<>();
        for (DlibPhotos.Photo p : photos) {
          frames.add(fitted(p, size[0], size[1]));
        }
        try (BlazeFaceDetector blaze = new BlazeFaceDetector(full, BlazeFaceConfig.defaults());
            CascadeFaceDetector haar = new CascadeFaceDetector(DetectorConfig.defaults())) {
          rows.add(row("blazeface (" + used + ")", size, time(blaze, frames)));
          rows.add(row("haar, detector.width 320", size, time(haar, frames)));
          rows.add(confirmRow(shortRange, blaze, frames, size, used));
        }
        frames.forEach(Mat::close);
      }
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Face detectors on dlib's %d photos fitted into each frame size, %d passes, %d intra-op"
            + " thread(s); 1-min load %.2f before, %.2f after%n%n",
        photos.size(),
        rounds,
        threads,
        loadBefore,
        Load.oneMinute());
    out.println("| detector | frame | runs | ms/frame p50 | ms/frame p95 | mean faces |");
    out.println("|---|---|---:|---:|---:|---:|");
    rows.forEach(out::println);
    out.flush();
    return 0;
  }

  private record Timing(Percentiles ms, double faces) {}

  private Timing time(FaceDetector detector, List<Mat> frames) {
    for (Mat f : frames) {
      detector.locate(f);
    }
    List<Double> ms = new ArrayList<>();
    long faces = 0;
    for (int r = 0; r < rounds; r++) {
      for (Mat f : frames) {
        long t = System.nanoTime();
        faces += detector.locate(f).size();
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    return new Timing(
        Percentiles.of(ms.stream().mapToDouble(Double::doubleValue).toArray()),
        faces / (double) ms.size());
  }

  /** The short-range confirmation of each face the full detector found, ms per face. */
  private String confirmRow(
      BlazeFaceNet shortRange, BlazeFaceDetector full, List<Mat> frames, int[] size, String used) {
    List<Double> ms = new ArrayList<>();
    try (BlazeFaceConfirmer confirmer =
        new BlazeFaceConfirmer(
            new BlazeFaceDetector(shortRange, BlazeFaceConfig.defaults()), true)) {
      for (int r = 0; r <= rounds; r++) {
        for (Mat f : frames) {
          for (FaceRoi face : full.locate(f)) {
            long t = System.nanoTime();
            confirmer.confirm(f, face);
            if (r > 0) {
              ms.add((System.nanoTime() - t) / 1e6);
            }
          }
        }
      }
    }
    Percentiles p = Percentiles.of(ms.stream().mapToDouble(Double::doubleValue).toArray());
    return String.format(
        Locale.ROOT,
        "| short-range confirm, per face (%s) | %dx%d | %d | %.2f | %.2f | 1 |",
        used,
        size[0],
        size[1],
        p.count(),
        p.p50(),
        p.p95());
  }

  private static String row(String name, int[] size, Timing t) {
    return String.format(
        Locale.ROOT,
        "| %s | %dx%d | %d | %.2f | %.2f | %.2f |",
        name,
        size[0],
        size[1],
        t.ms().count(),
        t.ms().p50(),
        t.ms().p95(),
        t.faces());
  }

  /** The photo scaled to fit the frame (keeping its aspect), centred on grey. */
  private static Mat fitted(DlibPhotos.Photo p, int width, int height) {
    Mat frame = new Mat(height, width, CV_8UC3, new Scalar(90, 90, 90, 0));
    try (Mat photo = imread(p.file().toString());
        Mat scaled = new Mat()) {
      double s = Math.min(width / (double) photo.cols(), height / (double) photo.rows());
      int w = (int) (photo.cols() * s);
      int h = (int) (photo.rows() * s);
      try (Size target = new Size(w, h);
          Rect where = new Rect((width - w) / 2, (height - h) / 2, w, h);
          Mat into = frame.apply(where)) {
        resize(photo, scaled, target, 0, 0, INTER_LINEAR);
        scaled.copyTo(into);
      }
    }
    return frame;
  }
}
