package io.asmnet.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.ort.OrtLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BlazeFace detector on dlib's 43 labelled example faces (a face counts as found when a box
 * overlaps its landmarks' bounding box with IoU >= 0.3), with the Haar cascade's figures printed
 * beside it; and on the same photos turned, enlarged into a big frame, and on faceless frames.
 */
class BlazeFaceDetectorTest {
  private static final double MATCH_IOU = 0.3;
  private static BlazeFaceNet net;
  private static List<DlibExamples.Photo> photos;

  @BeforeAll
  static void open() throws Exception {
    net = BlazeFaceNet.open(BlazeFaceNet.BUNDLED, BlazeFaceNet.FULL_RANGE, InferenceDevice.CPU, 1);
    photos = new ArrayList<>(DlibExamples.photos("faces/training_with_face_landmarks.xml"));
    photos.addAll(DlibExamples.photos("faces/testing_with_face_landmarks.xml"));
  }

  @AfterAll
  static void close() {
    if (net != null) {
      net.close();
    }
  }

  /** Found and false faces over all photos, each transformed by {@code view}. */
  private record Score(int faces, int found, int extra) {
    double recall() {
      return found / (double) faces;
    }
  }

  private static Score score(
      FaceDetector detector, Function<DlibExamples.Photo, PhotoViews.View> view) {
    int faces = 0;
    int found = 0;
    int extra = 0;
    for (DlibExamples.Photo photo : photos) {
      PhotoViews.View v = view.apply(photo);
      try (Mat image = v.image()) {
        List<FaceBox> boxes =
            new ArrayList<>(boxes(detector, image).stream().map(FaceBox::bounds).toList());
        for (float[] landmarks : v.landmarks()) {
          faces++;
          FaceBox truth = PhotoViews.landmarkBox(landmarks);
          FaceBox best =
              boxes.stream()
                  .max(
                      (a, b) ->
                          Double.compare(DlibExamples.iou(a, truth), DlibExamples.iou(b, truth)))
                  .orElse(null);
          if (best != null && DlibExamples.iou(best, truth) >= MATCH_IOU) {
            found++;
            boxes.remove(best);
          }
        }
        extra += boxes.size();
      }
    }
    return new Score(faces, found, extra);
  }

  private static PhotoViews.View plain(DlibExamples.Photo p) {
    return new PhotoViews.View(
        imread(p.file().toString()), p.faces().stream().map(DlibExamples.Face::landmarks).toList());
  }

  @Test
  void shouldFindAllButOneOfDlibsLabelledFacesWithAtMostOneFalseFace() {
    Score blaze;
    Score haar;
    try (BlazeFaceDetector detector = new BlazeFaceDetector(net, BlazeFaceConfig.defaults());
        CascadeFaceDetector cascade =
            new CascadeFaceDetector(
                DetectorConfig.defaults().withDetectionWidth(500).withMinFaceSize(20))) {
      blaze = score(detector, BlazeFaceDetectorTest::plain);
      haar = score(cascade, BlazeFaceDetectorTest::plain);
    }
    System.out.printf(
        "dlib's labelled faces: blazeface %d/%d found, %d false; haar %d/%d found, %d false%n",
        blaze.found(), blaze.faces(), blaze.extra(), haar.found(), haar.faces(), haar.extra());
    assertThat(blaze.faces()).isEqualTo(43);
    assertThat(blaze.found()).isGreaterThanOrEqualTo(42);
    assertThat(blaze.extra()).isLessThanOrEqualTo(1);
  }

  @Test
  void shouldStillFindTurnedFacesAndReadTheirRollFromTheEyes() {
    // Turned on a canvas of the photo's diagonal (~625 px), dlib's faces span 37-90 px: below the
    // 48 px that one whole-frame run covers at that size (the default detector.min.face.px), so the
    // detector is asked for faces from 32 px, which adds a level of tiles.
    BlazeFaceConfig d = BlazeFaceConfig.defaults();
    BlazeFaceConfig small =
        new BlazeFaceConfig(d.minScore(), d.nmsIou(), d.maxFaces(), 32, d.upright());
    try (BlazeFaceDetector detector = new BlazeFaceDetector(net, small);
        BlazeFaceDetector plainDefaults = new BlazeFaceDetector(net, d)) {
      for (double degrees : new double[] {-45, -30, 30, 45}) {
        Score s = score(detector, p -> PhotoViews.turned(p, degrees));
        Score one = score(plainDefaults, p -> PhotoViews.turned(p, degrees));
        System.out.printf(
            "turned %+.0f deg: %d/%d found, %d false (faces from 32 px); %d/%d, %d false at the default %d px%n",
            degrees,
            s.found(),
            s.faces(),
            s.extra(),
            one.found(),
            one.faces(),
            one.extra(),
            d.minFaceSize());
        assertThat(s.recall()).as("recall at %s degrees", degrees).isGreaterThanOrEqualTo(0.9);
      }
      // The largest face, turned by 30 degrees clockwise: the box's angle follows.
      DlibExamples.Photo photo =
          photos.stream()
              .filter(p -> !p.faces().isEmpty())
              .max((a, b) -> Double.compare(largest(a), largest(b)))
              .orElseThrow();
      PhotoViews.View turned = PhotoViews.turned(photo, 30);
      try (Mat image = turned.image()) {
        float[] landmarks = turned.landmarks().get(largestIndex(photo));
        FaceBox truth = PhotoViews.landmarkBox(landmarks);
        FaceBox box =
            boxes(detector, image).stream()
                .max(
                    (a, b) ->
                        Double.compare(
                            DlibExamples.iou(a.bounds(), truth),
                            DlibExamples.iou(b.bounds(), truth)))
                .orElseThrow();
        double before =
            Math.toDegrees(
                FaceRegion.eyeLineAngle(photo.faces().get(largestIndex(photo)).landmarks()));
        double labelled = Math.toDegrees(FaceRegion.eyeLineAngle(landmarks));
        assertThat(labelled - before).isCloseTo(30.0, within(0.5));
        assertThat(Math.toDegrees(box.angle())).isCloseTo(labelled, within(8.0));
      }
    }
  }

  @Test
  void shouldFindSmallFacesInALargeFrameThroughTiles() {
    // Each photo enlarged to 1,920 px wide and pasted into a 3,840 x 2,160 (or taller) frame: the
    // whole-frame
    // run alone sees a face of 150 px as 10 input pixels.
    try (BlazeFaceDetector detector = new BlazeFaceDetector(net, BlazeFaceConfig.defaults())) {
      Score s = score(detector, p -> PhotoViews.pasted(plain(p), 1920, 3840));
      System.out.printf(
          "1,920 px wide in 3,840 x 2,160: %d/%d found, %d false%n",
          s.found(), s.faces(), s.extra());
      assertThat(s.recall()).isGreaterThanOrEqualTo(0.9);
      assertThat(
              TilePlan.of(3840, 2160, net.size(), BlazeFaceConfig.defaults().minFaceSize())
                  .regions())
          .hasSizeGreaterThan(1);
    }
  }

  @Test
  void shouldFindNoFaceInDogsBlankOrNoise() throws Exception {
    Path dogs = DlibExamples.folder().resolve("faces/dogs.jpg");
    try (BlazeFaceDetector detector = new BlazeFaceDetector(net, BlazeFaceConfig.defaults());
        Mat photo = imread(dogs.toString());
        Mat blank = new Mat(480, 640, CV_8UC3, new Scalar(128, 128, 128, 0));
        Mat noise = new Mat(1080, 1920, CV_8UC3)) {
      byte[] pixels = new byte[1080 * 1920 * 3];
      new java.util.Random(3).nextBytes(pixels);
      noise.data().put(pixels);

      assertThat(photo.empty()).isFalse();
      assertThat(boxes(detector, photo)).isEmpty();
      assertThat(boxes(detector, blank)).isEmpty();
      assertThat(boxes(detector, noise)).isEmpty();
    }
  }

  @Test
  void shouldPutTheEyeKeypointsOnTheLabelledEyes() {
    double sum = 0;
    int n = 0;
    try (BlazeFaceDetector detector = new BlazeFaceDetector(net, BlazeFaceConfig.defaults())) {
      for (DlibExamples.Photo photo : photos) {
        try (Mat image = imread(photo.file().toString())) {
          List<BlazeDetection> found = detector.detections(image);
          for (DlibExamples.Face face : photo.faces()) {
            float[] lm = face.landmarks();
            double[] right = eye(lm, 36);
            double[] left = eye(lm, 42);
            double iod = Math.hypot(left[0] - right[0], left[1] - right[1]);
            for (BlazeDetection d : found) {
              float[] k = d.keypoints();
              double e0 = Math.hypot(k[0] - right[0], k[1] - right[1]);
              double e1 = Math.hypot(k[2] - left[0], k[3] - left[1]);
              if (e0 < iod && e1 < iod) {
                sum += (e0 + e1) / 2 / iod;
                n++;
              }
            }
          }
        }
      }
    }
    assertThat(n).isGreaterThanOrEqualTo(42);
    assertThat(sum / n)
        .as("mean eye keypoint error, of the inter-ocular distance")
        .isLessThan(0.15);
  }

  @Test
  void shouldNameTheFileWhenTheModelIsNotABlazeFaceNetwork(@TempDir Path dir) throws Exception {
    Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {1, 2, 3});
    assertThatThrownBy(
            () ->
                BlazeFaceNet.open(junk.toString(), BlazeFaceNet.FULL_RANGE, InferenceDevice.CPU, 1))
        .isInstanceOf(OrtLoadException.class)
        .hasMessageContaining("face detector")
        .hasMessageContaining("junk.onnx");
    assertThatThrownBy(
            () ->
                BlazeFaceNet.open(
                    dir.resolve("missing.onnx").toString(),
                    BlazeFaceNet.FULL_RANGE,
                    InferenceDevice.CPU,
                    1))
        .isInstanceOf(OrtLoadException.class)
        .hasMessageContaining("missing.onnx")
        .hasMessageContaining("does not exist");
  }

  private static double[] eye(float[] lm, int first) {
    double x = 0;
    double y = 0;
    for (int p = first; p < first + 6; p++) {
      x += lm[2 * p];
      y += lm[2 * p + 1];
    }
    return new double[] {x / 6, y / 6};
  }

  private static double largest(DlibExamples.Photo p) {
    return p.faces().stream().mapToDouble(f -> f.box().w()).max().orElse(0);
  }

  private static int largestIndex(DlibExamples.Photo p) {
    int best = 0;
    for (int i = 1; i < p.faces().size(); i++) {
      if (p.faces().get(i).box().w() > p.faces().get(best).box().w()) {
        best = i;
      }
    }
    return best;
  }

  /** The faces a detector finds, framed as events report them. */
  private static List<FaceBox> boxes(FaceDetector detector, Mat frame) {
    return detector.locate(frame).stream().map(FaceRegion::box).toList();
  }
}
