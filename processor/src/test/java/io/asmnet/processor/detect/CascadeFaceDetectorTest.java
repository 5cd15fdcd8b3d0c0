package io.asmnet.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class CascadeFaceDetectorTest {
  /** dlib's photos are at most 500 px wide with faces from ~37 px: detect at full size. */
  private static final DetectorConfig FULL_SIZE =
      DetectorConfig.defaults().withDetectionWidth(500).withMinFaceSize(20);

  @Test
  void shouldFindMostLabelledFacesInDlibPhotos() throws Exception {
    List<DlibExamples.Photo> photos = allPhotos();
    int faces = 0;
    int matched = 0;
    double regionIou = 0;
    try (CascadeFaceDetector detector = new CascadeFaceDetector(FULL_SIZE)) {
      for (DlibExamples.Photo photo : photos) {
        try (Mat image = imread(photo.file().toString())) {
          List<FaceBox> boxes = boxes(detector, image);
          for (DlibExamples.Face face : photo.faces()) {
            faces++;
            FaceBox best = bestMatch(boxes, face.box());
            if (best != null && DlibExamples.iou(best, face.box()) > 0.3) {
              matched++;
              regionIou += DlibExamples.iou(best, FaceRegion.fromLandmarks(face.landmarks(), 1f));
            }
          }
        }
      }
    }
    assertThat(faces).isEqualTo(43);
    assertThat(matched)
        .as("labelled faces found with IoU > 0.3")
        .isGreaterThanOrEqualTo(34); // 80 %
    // The detector's boxes frame faces like boxes made from landmarks (what the tracker sends).
    assertThat(regionIou / matched).as("mean IoU with the landmark region").isGreaterThan(0.7);
  }

  @Test
  void shouldMapBoxesBackToFramePixelsWhenDownscaling() throws Exception {
    DlibExamples.Photo photo =
        allPhotos().stream().max(Comparator.comparingInt(p -> p.faces().size())).orElseThrow();
    try (Mat image = imread(photo.file().toString());
        Mat doubled = new Mat();
        Size size = new Size(image.cols() * 2, image.rows() * 2);
        CascadeFaceDetector detector = new CascadeFaceDetector(FULL_SIZE)) {
      resize(image, doubled, size, 0, 0, INTER_LINEAR);

      List<FaceBox> boxes = boxes(detector, doubled); // detects at 500 px, reports at 1000 px

      int matched = 0;
      for (DlibExamples.Face face : photo.faces()) {
        FaceBox label = face.box();
        FaceBox scaled =
            new FaceBox(label.x() * 2, label.y() * 2, label.w() * 2, label.h() * 2, 1f);
        FaceBox best = bestMatch(boxes, scaled);
        if (best != null && DlibExamples.iou(best, scaled) > 0.3) {
          matched++;
        }
      }
      assertThat(matched).isGreaterThanOrEqualTo(photo.faces().size() * 2 / 3);
    }
  }

  @Test
  void shouldReturnAtMostMaxFacesBestFirst() throws Exception {
    DlibExamples.Photo photo =
        allPhotos().stream().max(Comparator.comparingInt(p -> p.faces().size())).orElseThrow();
    try (Mat image = imread(photo.file().toString());
        CascadeFaceDetector all = new CascadeFaceDetector(FULL_SIZE);
        CascadeFaceDetector two = new CascadeFaceDetector(FULL_SIZE.withMaxFaces(2))) {
      List<FaceBox> every = boxes(all, image);
      List<FaceBox> best = boxes(two, image);

      assertThat(every.size()).isGreaterThan(2);
      assertThat(best).hasSize(2).isEqualTo(every.subList(0, 2));
      assertThat(every).isSortedAccordingTo(Comparator.comparingDouble(FaceBox::score).reversed());
    }
  }

  @Test
  void shouldFindNoFacesInBlankOrNoiseImages() {
    try (CascadeFaceDetector detector = new CascadeFaceDetector(DetectorConfig.defaults());
        Mat blank = new Mat(480, 640, CV_8UC3, new Scalar(128, 128, 128, 0));
        Mat noise = new Mat(480, 640, CV_8UC3)) {
      byte[] pixels = new byte[480 * 640 * 3];
      new java.util.Random(3).nextBytes(pixels);
      noise.data().put(pixels);

      assertThat(boxes(detector, blank)).isEmpty();
      assertThat(boxes(detector, noise)).isEmpty();
    }
  }

  @Test
  void shouldLoadEveryShippedCascade() {
    try (Mat blank = new Mat(240, 320, CV_8UC3, new Scalar(0, 0, 0, 0))) {
      for (Cascade cascade : Cascade.values()) {
        try (CascadeFaceDetector detector =
            new CascadeFaceDetector(DetectorConfig.defaults().withCascade(cascade))) {
          assertThat(boxes(detector, blank)).as(cascade.name()).isEmpty();
        }
      }
    }
  }

  private static List<DlibExamples.Photo> allPhotos() throws Exception {
    List<DlibExamples.Photo> photos =
        new ArrayList<>(DlibExamples.photos("faces/training_with_face_landmarks.xml"));
    photos.addAll(DlibExamples.photos("faces/testing_with_face_landmarks.xml"));
    return photos;
  }

  private static FaceBox bestMatch(List<FaceBox> boxes, FaceBox target) {
    return boxes.stream()
        .max(Comparator.comparingDouble(b -> DlibExamples.iou(b, target)))
        .orElse(null);
  }

  /** The faces a detector finds, framed as events report them. */
  private static List<FaceBox> boxes(FaceDetector detector, Mat frame) {
    return detector.locate(frame).stream().map(FaceRegion::box).toList();
  }
}
