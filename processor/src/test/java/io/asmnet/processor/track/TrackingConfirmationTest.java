package io.asmnet.processor.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.detect.BlazeFaceConfig;
import io.asmnet.processor.detect.BlazeFaceDetector;
import io.asmnet.processor.detect.BlazeFaceNet;
import io.asmnet.processor.detect.DlibExamples;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.schemas.avro.FaceSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tracked faces confirmed between detections: by a scripted confirmer, and by the real short-range
 * BlazeFace.
 */
class TrackingConfirmationTest {
  private static final FaceBox DETECTED_BOX = new FaceBox(250, 150, 140, 140, 0.9f);
  private final Mat frame = new Mat(480, 640, CV_8UC3);
  private final CountingFaceDetector detector = new CountingFaceDetector(List.of(DETECTED_BOX));

  /** Answers what it is told and records what it was asked. */
  private static final class ScriptedConfirmer implements FaceConfirmer {
    final List<FaceRoi> asked = new ArrayList<>();
    Optional<FaceRoi> answer = Optional.empty();

    @Override
    public Optional<FaceRoi> confirm(Mat bgr, FaceRoi predicted) {
      asked.add(predicted);
      return answer.map(a -> a.withTrack(predicted.track()));
    }

    @Override
    public void close() {}
  }

  @AfterEach
  void close() {
    frame.close();
  }

  private static TrackState tracked(float[] landmarks) {
    return new TrackState(
        7,
        0,
        List.of(
            TrackedFace.detected(
                landmarks, FaceRegion.roi(FaceRegion.fromLandmarks(landmarks, 1f)))));
  }

  @Test
  void shouldUseTheConfirmedBoxAndAnchorTheTrackOnIt() {
    ScriptedConfirmer confirmer = new ScriptedConfirmer();
    FaceRoi confirmed = FaceRegion.roi(new FaceBox(240, 150, 150, 150, 0.8f));
    confirmer.answer = Optional.of(confirmed);
    TrackingFaceLocator locator =
        new TrackingFaceLocator(detector, confirmer, TrackerConfig.defaults());
    float[] landmarks = SyntheticLandmarks.face(310, 240, 110);
    TrackState previous = tracked(landmarks);

    LocatedFaces located = locator.locate(frame, previous, 8);
    TrackState next = locator.update(previous, located, List.of(landmarks), 8);

    assertThat(detector.calls).isZero();
    assertThat(confirmer.asked).hasSize(1);
    assertThat(located.source()).isEqualTo(FaceSource.TRACKED);
    assertThat(located.faces()).containsExactly(confirmed.withTrack(0));
    assertThat(next.faces().get(0).boxSide()).isCloseTo(150f, within(1e-4f));
    assertThat(next.framesSinceDetection()).isEqualTo(1);
  }

  @Test
  void shouldDetectTheWholeFrameWhenATrackedFaceIsNotConfirmed() {
    ScriptedConfirmer confirmer = new ScriptedConfirmer();
    TrackingFaceLocator locator =
        new TrackingFaceLocator(detector, confirmer, TrackerConfig.defaults());

    LocatedFaces located =
        locator.locate(frame, tracked(SyntheticLandmarks.face(310, 240, 110)), 8);

    assertThat(confirmer.asked).hasSize(1);
    assertThat(detector.calls).isEqualTo(1);
    assertThat(located.source()).isEqualTo(FaceSource.DETECTED);
    assertThat(located.faces()).containsExactly(FaceRegion.roi(DETECTED_BOX));
  }

  @Test
  void shouldNotConfirmWhenConfirmationIsOff() {
    ScriptedConfirmer confirmer = new ScriptedConfirmer();
    TrackingFaceLocator locator =
        new TrackingFaceLocator(detector, confirmer, TrackerConfig.defaults().withConfirm(false));

    LocatedFaces located =
        locator.locate(frame, tracked(SyntheticLandmarks.face(310, 240, 110)), 8);

    assertThat(confirmer.asked).isEmpty();
    assertThat(located.source()).isEqualTo(FaceSource.TRACKED);
  }

  @Test
  void shouldTurnTrackedBoxesWithTheEyeLineOnlyWhenUpright() {
    float[] face = SyntheticLandmarks.face(310, 240, 110);
    double a = Math.toRadians(25);
    float[] tilted = new float[face.length];
    for (int i = 0; i < face.length; i += 2) {
      double dx = face[i] - 310;
      double dy = face[i + 1] - 240;
      tilted[i] = (float) (310 + Math.cos(a) * dx - Math.sin(a) * dy);
      tilted[i + 1] = (float) (240 + Math.sin(a) * dx + Math.cos(a) * dy);
    }
    TrackState previous = new TrackState(7, 0, List.of(TrackedFace.anchoredOnItself(tilted)));

    FaceRoi turned =
        new TrackingFaceLocator(detector, TrackerConfig.defaults().withConfirm(false))
            .locate(frame, previous, 8)
            .faces()
            .get(0);
    FaceRoi straight =
        new TrackingFaceLocator(
                detector, TrackerConfig.defaults().withConfirm(false).withUpright(false))
            .locate(frame, previous, 8)
            .faces()
            .get(0);

    assertThat(Math.toDegrees(turned.angle())).isCloseTo(25.0, within(1.0));
    assertThat(straight.angle()).isZero();
  }

  @Test
  void shouldConfirmARealFaceWithTheShortRangeModelAndLoseAGoneOne() throws Exception {
    DlibExamples.Photo photo =
        DlibExamples.photos("faces/testing_with_face_landmarks.xml").stream()
            .filter(p -> !p.faces().isEmpty())
            .findFirst()
            .orElseThrow();
    DlibExamples.Face face =
        photo.faces().stream().max(Comparator.comparingDouble(f -> f.box().w())).orElseThrow();
    FaceBox truth = FaceRegion.fromLandmarks(face.landmarks(), 1f);
    // A prediction off by a sixth of the face, as a track lagging a moving head would be.
    FaceBox predicted =
        new FaceBox(
            truth.x() + truth.w() / 6,
            truth.y() - truth.h() / 8,
            truth.w() * 1.1f,
            truth.h() * 1.1f,
            1f);
    try (BlazeFaceNet net =
            BlazeFaceNet.open(
                BlazeFaceNet.BUNDLED, BlazeFaceNet.SHORT_RANGE, InferenceDevice.CPU, 1);
        BlazeFaceConfirmer confirmer =
            new BlazeFaceConfirmer(new BlazeFaceDetector(net, BlazeFaceConfig.defaults()), true);
        Mat image = imread(photo.file().toString());
        Mat blank = new Mat(image.rows(), image.cols(), CV_8UC3, new Scalar(90, 90, 90, 0))) {
      Optional<FaceRoi> found = confirmer.confirm(image, FaceRegion.roi(predicted).withTrack(3));

      assertThat(found).isPresent();
      assertThat(found.get().track()).as("the track it confirms").isEqualTo(3);
      FaceBox foundBox = FaceRegion.box(found.get()).bounds();
      assertThat(DlibExamples.iou(foundBox, truth))
          .isGreaterThan(DlibExamples.iou(predicted, truth));
      assertThat(DlibExamples.iou(foundBox, truth)).isGreaterThan(0.6);
      assertThat(confirmer.confirm(blank, FaceRegion.roi(predicted))).isEmpty();
    }
  }
}
