package io.asmnet.processor.detect;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.processor.decode.SyntheticClips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * dlib's example photos with their labelled faces, fetched by {@code
 * scripts/fetch-starter-data.sh}. Tests that need them are skipped (with the script's error) only
 * when the fetch fails.
 */
public final class DlibExamples {
  /** A labelled face: dlib's box and 68 landmarks (x0, y0, ...), frame pixels. */
  public record Face(FaceBox box, float[] landmarks) {}

  /** One photo and its labelled faces. */
  public record Photo(Path file, List<Face> faces) {}

  private DlibExamples() {}

  /** The examples folder, fetching it first if needed; aborts the test when that fails. */
  public static Path folder() throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("scripts/fetch-starter-data.sh"))) {
      root = root.getParent();
    }
    assumeTrue(
        root != null,
        "scripts/fetch-starter-data.sh not found above " + Path.of("").toAbsolutePath());
    Process fetch =
        new ProcessBuilder(root.resolve("scripts/fetch-starter-data.sh").toString())
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    boolean done = fetch.waitFor(5, TimeUnit.MINUTES);
    String out = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(fetch.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assumeTrue(done && fetch.exitValue() == 0, "dlib example photos unavailable, skipping: " + err);
    return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
  }

  /** The photos of one dlib label file, e.g. {@code faces/testing_with_face_landmarks.xml}. */
  public static List<Photo> photos(String labels) throws Exception {
    Path xml = folder().resolve(labels);
    Element dataset =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(xml.toFile())
            .getDocumentElement();
    List<Photo> photos = new ArrayList<>();
    NodeList images = dataset.getElementsByTagName("image");
    for (int i = 0; i < images.getLength(); i++) {
      Element image = (Element) images.item(i);
      List<Face> faces = new ArrayList<>();
      NodeList boxes = image.getElementsByTagName("box");
      for (int b = 0; b < boxes.getLength(); b++) {
        faces.add(face((Element) boxes.item(b)));
      }
      photos.add(new Photo(xml.getParent().resolve(image.getAttribute("file")), faces));
    }
    return photos;
  }

  private static Face face(Element box) {
    FaceBox rect =
        new FaceBox(num(box, "left"), num(box, "top"), num(box, "width"), num(box, "height"), 1f);
    NodeList parts = box.getElementsByTagName("part");
    float[] landmarks = new float[2 * parts.getLength()];
    for (int p = 0; p < parts.getLength(); p++) {
      Element part = (Element) parts.item(p);
      int index = Integer.parseInt(part.getAttribute("name"));
      landmarks[2 * index] = num(part, "x");
      landmarks[2 * index + 1] = num(part, "y");
    }
    return new Face(rect, landmarks);
  }

  private static float num(Element e, String attribute) {
    return Float.parseFloat(e.getAttribute(attribute));
  }

  /** Intersection over union of two boxes. */
  public static double iou(FaceBox a, FaceBox b) {
    double ix = Math.max(0, Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x()));
    double iy = Math.max(0, Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y()));
    double inter = ix * iy;
    return inter / (a.w() * a.h() + b.w() * b.h() - inter);
  }

  /**
   * Records a 640x480 H.264 clip (raw Annex-B, one keyframe) of {@code frames} pictures panning
   * across the photo whose largest labelled face is widest relative to the photo: a moving face for
   * the tracker.
   */
  public static Path panningClip(List<Photo> photos, Path file, int frames) throws Exception {
    Photo best =
        photos.stream()
            .filter(p -> !p.faces().isEmpty())
            .max(Comparator.comparingDouble(DlibExamples::faceShare))
            .orElseThrow();
    try (Mat photo = imread(best.file().toString())) {
      int w = (int) (photo.cols() * 0.85);
      int h = (int) (photo.rows() * 0.85);
      int travel = photo.cols() - w;
      return SyntheticClips.record(
          file,
          "h264",
          640,
          480,
          frames,
          frames,
          i -> {
            Mat out = new Mat();
            try (Mat window =
                    photo.apply(new Rect(travel * i / frames, (photo.rows() - h) / 2, w, h));
                Size size = new Size(640, 480)) {
              resize(window, out, size);
            }
            return out;
          });
    }
  }

  private static double faceShare(Photo photo) {
    try (Mat m = imread(photo.file().toString())) {
      return photo.faces().stream().mapToDouble(f -> f.box().w()).max().orElse(0) / m.cols();
    }
  }
}
