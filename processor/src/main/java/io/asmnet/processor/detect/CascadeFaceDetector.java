package io.asmnet.processor.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds frontal faces with an OpenCV cascade on a downscaled, equalised grey copy of the frame.
 *
 * <p>Boxes: the cascade's raw box is mapped back to frame pixels and then normalised to the {@link
 * FaceRegion}, the square that the tracker also derives from landmarks, so the landmark model sees
 * faces framed the same way whichever way they were found.
 *
 * <p>Score: {@code 1 - exp(-neighbours / 10)}, where neighbours is the number of raw cascade hits
 * merged into the box (from {@code detectMultiScale2}). At the minimum of 4 neighbours this is
 * 0.33; clear faces at 1.1 scale steps collect 15-60 hits, 0.78-1.0. It ranks faces; it is not a
 * calibrated probability.
 */
public final class CascadeFaceDetector implements FaceDetector {
  private final DetectorConfig config;
  private final CascadeClassifier classifier;
  private final Size window;
  private final Mat grey = new Mat();
  private final Mat small = new Mat();
  private final RectVector hits = new RectVector();
  private final IntPointer neighbours = new IntPointer();

  public CascadeFaceDetector(DetectorConfig config) {
    this.config = config;
    File file;
    try {
      file = Loader.cacheResource(config.cascade().resource());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack cascade " + config.cascade().resource(), e);
    }
    if (file == null) {
      throw new IllegalStateException(
          "cascade not on the class path: " + config.cascade().resource());
    }
    this.classifier = new CascadeClassifier(file.getAbsolutePath());
    if (classifier.empty()) {
      classifier.close();
      throw new IllegalStateException("cannot load cascade " + file);
    }
    this.window = classifier.getOriginalWindowSize();
  }

  @Override
  public List<FaceRoi> locate(Mat bgr) {
    cvtColor(bgr, grey, COLOR_BGR2GRAY);
    double scale = Math.min(1.0, (double) config.detectionWidth() / bgr.cols());
    Mat input = grey;
    if (scale < 1.0) {
      try (Size target = new Size(config.detectionWidth(), (int) Math.round(bgr.rows() * scale))) {
        resize(grey, small, target, 0, 0, INTER_AREA);
      }
      input = small;
    }
    equalizeHist(input, input);
    int minSide =
        Math.max(
            Math.max(window.width(), window.height()),
            (int) Math.round(config.minFaceSize() * scale));
    try (Size min = new Size(minSide, minSide);
        Size max = new Size()) {
      classifier.detectMultiScale2(
          input, hits, neighbours, config.scaleFactor(), config.minNeighbors(), 0, min, max);
    }
    List<FaceRoi> faces = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      try (Rect r = hits.get(i)) { // a native copy: free it now rather than at GC
        float score = (float) (1 - Math.exp(-neighbours.get(i) / 10.0));
        faces.add(
            FaceRegion.roiFromCascade(
                config.cascade(),
                (float) (r.x() / scale),
                (float) (r.y() / scale),
                (float) (r.width() / scale),
                (float) (r.height() / scale),
                score));
      }
    }
    faces.sort(Comparator.comparingDouble(FaceRoi::score).reversed());
    return faces.size() > config.maxFaces()
        ? List.copyOf(faces.subList(0, config.maxFaces()))
        : faces;
  }

  @Override
  public void close() {
    classifier.close();
    window.close();
    grey.close();
    small.close();
    hits.close();
    neighbours.close();
  }
}
