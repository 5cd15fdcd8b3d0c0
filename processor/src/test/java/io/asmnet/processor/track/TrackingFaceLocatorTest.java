package io.asmnet.processor.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.schemas.avro.FaceSource;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrackingFaceLocatorTest {
  private static final FaceBox DETECTED_BOX = new FaceBox(250, 150, 140, 140, 0.9f);

  private final Mat frame = new Mat(480, 640, CV_8UC3);
  private final CountingFaceDetector detector = new CountingFaceDetector(List.of(DETECTED_BOX));

  @AfterEach
  void close() {
    frame.close();
  }

  @Test
  void shouldDetectOnFirstFrameThenEveryNthFrame() {
    TrackingFaceLocator locator =
        new TrackingFaceLocator(detector, TrackerConfig.defaults().withDetectEvery(5));
    List<FaceSource> sources = new ArrayList<>();
    TrackState state = null;
    for (long seq = 0; seq < 20; seq++) {
      LocatedFaces located = locator.locate(frame, state, seq);
      sources.add(located.source());
      state =
          locator.update(
              state, located, List.of(SyntheticLandmarks.face(320 + seq, 220, 110)), seq);
    }
    assertThat(detector.calls).isEqualTo(4);
    for (int i = 0; i < sources.size(); i++) {
      assertThat(sources.get(i))
          .as("frame " + i)
          .isEqualTo(i % 5 == 0 ? FaceSource.DETECTED : FaceSource.TRACKED);
    }
  }

  @Test
  void shouldDetectEveryFrameWhileNoFaceIsFound() {
    detector.answer(List.of());
    TrackingFaceLocator locator = new TrackingFaceLocator(detector, TrackerConfig.defaults());
    TrackState state = null;
    for (long seq = 0; seq < 4; seq++) {
      LocatedFaces located = locator.locate(frame, state, seq);
      assertThat(located.faces()).isEmpty();
      state = locator.update(state, located, List.of(), seq);
    }
    assertThat(detector.calls).isEqualTo(4);
  }

  @Test
  void shouldTrackHealthyFaceWithBoxAroundItsLandmarks() {
    TrackingFaceLocator locator = new TrackingFaceLocator(detector, TrackerConfig.defaults());
    float[] landmarks = SyntheticLandmarks.face(300, 240, 120);

    LocatedFaces located = locator.locate(frame, new TrackState(7, 0, faces(landmarks)), 8);

    assertThat(detector.calls).isZero();
    assertThat(located.source()).isEqualTo(FaceSource.TRACKED);
    assertThat(located.detectMicros()).isZero();
    assertThat(located.faces()).hasSize(1);
    assertThat(located.faces().get(0).track()).isZero();
    FaceBox box = FaceRegion.box(located.faces().get(0));
    assertThat(box.w()).isEqualTo(box.h());
    assertThat(box.score()).isEqualTo(1f); // every landmark inside the frame
    for (int i = 0; i < landmarks.length; i += 2) {
      assertThat(landmarks[i]).isBetween(box.x(), box.x() + box.w());
      assertThat(landmarks[i + 1]).isBetween(box.y(), box.y() + box.h());
    }
  }

  @Test
  void shouldDetectWhenATrackDegrades() {
    float[] collapsedEyes = SyntheticLandmarks.face(300, 240, 120);
    for (int i = 36; i < 48; i++) { // both eyes on one spot
      collapsedEyes[2 * i] = 300;
      collapsedEyes[2 * i + 1] = 210;
    }
    float[] nanPoint = SyntheticLandmarks.face(300, 240, 120);
    nanPoint[10] = Float.NaN;
    List<float[]> degraded =
        List.of(
            SyntheticLandmarks.face(300, 240, 12), // too small
            SyntheticLandmarks.face(660, 240, 120), // mostly right of the frame
            collapsedEyes,
            nanPoint);
    TrackingFaceLocator locator = new TrackingFaceLocator(detector, TrackerConfig.defaults());
    for (float[] face : degraded) {
      int before = detector.calls;
      TrackState state = new TrackState(1, 0, faces(SyntheticLandmarks.face(200, 200, 100), face));

      LocatedFaces located = locator.locate(frame, state, 2);

      assertThat(located.source()).isEqualTo(FaceSource.DETECTED);
      assertThat(detector.calls).isEqualTo(before + 1);
    }
  }

  @Test
  void shouldDetectAfterSkippedFrames() {
    TrackingFaceLocator locator = new TrackingFaceLocator(detector, TrackerConfig.defaults());
    TrackState state = new TrackState(10, 1, faces(SyntheticLandmarks.face(300, 240, 120)));

    assertThat(locator.locate(frame, state, 11).source()).isEqualTo(FaceSource.TRACKED);
    assertThat(locator.locate(frame, state, 13).source()).isEqualTo(FaceSource.DETECTED);
  }

  @Test
  void shouldTrackOneBoxForTwoTracksOnTheSameFaceAndCapFaces() {
    TrackingFaceLocator locator =
        new TrackingFaceLocator(detector, new TrackerConfig(10, 24f, 2, 0.15f, 0.6f));
    TrackState state =
        new TrackState(
            0,
            0,
            faces(
                SyntheticLandmarks.face(300, 240, 120),
                SyntheticLandmarks.face(302, 241, 118),
                SyntheticLandmarks.face(100, 100, 60),
                SyntheticLandmarks.face(500, 300, 60)));

    LocatedFaces located = locator.locate(frame, state, 1);

    assertThat(located.faces()).hasSize(2);
    // the face at (100, 100), not the duplicate: and each names the track it came from
    assertThat(located.faces().get(1).centreX()).isLessThan(150);
    assertThat(located.faces()).extracting(FaceRoi::track).containsExactly(0, 2);
  }

  @Test
  void shouldCountFramesSinceDetectionInUpdate() {
    TrackingFaceLocator locator = new TrackingFaceLocator(detector, TrackerConfig.defaults());
    List<float[]> one = List.of(SyntheticLandmarks.face(300, 240, 120));
    FaceRoi face = FaceRegion.roi(DETECTED_BOX);
    TrackState detected =
        locator.update(null, new LocatedFaces(List.of(face), FaceSource.DETECTED, 5, 0), one, 3);
    TrackState tracked =
        locator.update(
            detected,
            new LocatedFaces(List.of(face.withTrack(0)), FaceSource.TRACKED, 0, 1),
            one,
            4);

    assertThat(detected.framesSinceDetection()).isZero();
    assertThat(tracked.framesSinceDetection()).isEqualTo(1);
    assertThat(tracked.lastSequence()).isEqualTo(4);
    assertThatThrownBy(
            () ->
                locator.update(
                    tracked,
                    new LocatedFaces(List.of(face.withTrack(0)), FaceSource.TRACKED, 0, 1),
                    List.of(),
                    5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("landmarks for 0 faces but 1");
  }

  @Test
  void shouldContinueTheTrackEachFaceNamesWhateverItsPosition() {
    TrackingFaceLocator locator = new TrackingFaceLocator(detector, TrackerConfig.defaults());
    float[] left = SyntheticLandmarks.face(150, 240, 100);
    float[] right = SyntheticLandmarks.face(450, 240, 100);
    TrackState previous =
        new TrackState(
            0,
            0,
            List.of(
                TrackedFace.anchoredOnItself(left), new TrackedFace(right, 777f, 100f, 3f, -4f)));
    // Only the right-hand track survived locate, and its face is reported near the left one's
    // place:
    // update must not re-match it by position.
    FaceRoi named = new FaceRoi(160, 240, 100, 0, 1f, 1);

    TrackState next =
        locator.update(
            previous,
            new LocatedFaces(List.of(named), FaceSource.TRACKED, 0, 1),
            List.of(SyntheticLandmarks.face(160, 240, 100)),
            1);

    assertThat(next.faces()).hasSize(1);
    assertThat(next.faces().get(0).boxSide()).isEqualTo(777f);
    assertThat(next.faces().get(0).offsetX()).isEqualTo(3f);
    assertThatThrownBy(
            () ->
                locator.update(
                    previous,
                    new LocatedFaces(List.of(named.withTrack(5)), FaceSource.TRACKED, 0, 1),
                    List.of(SyntheticLandmarks.face(160, 240, 100)),
                    1))
        .hasMessageContaining("names track 5");
  }

  /** Tracks with no detection to compare with: boxes are the plain region of the landmarks. */
  private static List<TrackedFace> faces(float[]... landmarks) {
    return java.util.Arrays.stream(landmarks).map(TrackedFace::anchoredOnItself).toList();
  }

  @Test
  void shouldCloseItsDetector() {
    new TrackingFaceLocator(detector, TrackerConfig.defaults()).close();
    assertThat(detector.closed).isTrue();
  }
}
