package io.asmnet.processor.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.schemas.avro.FaceSource;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A landmark model with a constant bias (here: its shape is 5 % too small, shrunk towards the
 * crop's centre) must not make the tracked boxes drift between detections: each tracked box is
 * cropped from the previous one's landmarks, so a bias that fed back would compound frame by frame.
 */
class BiasedModelTrackingTest {
  private static final float SHRINK = 0.95f;

  private final Mat frame = new Mat(480, 640, CV_8UC3);

  @AfterEach
  void close() {
    frame.close();
  }

  @Test
  void shouldKeepTrackedBoxesOnTheDetectedBoxDespiteABiasedModel() {
    float[] truth = SyntheticLandmarks.face(320, 240, 120);
    FaceBox detected = FaceRegion.fromLandmarks(truth, 0.9f);
    CountingFaceDetector detector = new CountingFaceDetector(List.of(detected));
    TrackingFaceLocator locator =
        new TrackingFaceLocator(detector, TrackerConfig.defaults().withDetectEvery(10));
    List<LocatedFaces> frames = new ArrayList<>();
    TrackState state = null;
    for (long seq = 0; seq < 20; seq++) {
      LocatedFaces located = locator.locate(frame, state, seq);
      frames.add(located);
      List<float[]> landmarks =
          located.faces().stream().map(roi -> biasedModel(truth, FaceRegion.box(roi))).toList();
      state = locator.update(state, located, landmarks, seq);
    }

    assertThat(detector.calls).isEqualTo(2);
    for (int seq = 0; seq < frames.size(); seq++) {
      LocatedFaces located = frames.get(seq);
      assertThat(located.source())
          .as("frame " + seq)
          .isEqualTo(seq % 10 == 0 ? FaceSource.DETECTED : FaceSource.TRACKED);
      assertThat(located.faces()).hasSize(1);
      FaceBox box = FaceRegion.box(located.faces().get(0));
      float tolerance = 0.01f * detected.w();
      assertThat(box.w()).as("side on frame " + seq).isCloseTo(detected.w(), offset(tolerance));
      assertThat(box.x() + box.w() / 2)
          .as("centre x on frame " + seq)
          .isCloseTo(detected.x() + detected.w() / 2, offset(tolerance));
      assertThat(box.y() + box.h() / 2)
          .as("centre y on frame " + seq)
          .isCloseTo(detected.y() + detected.h() / 2, offset(tolerance));
    }
  }

  /** The true landmarks shrunk by 5 % towards the centre of the crop the model was given. */
  private static float[] biasedModel(float[] truth, FaceBox crop) {
    float cx = crop.x() + crop.w() / 2;
    float cy = crop.y() + crop.h() / 2;
    float[] out = new float[truth.length];
    for (int i = 0; i < truth.length; i += 2) {
      out[i] = cx + SHRINK * (truth[i] - cx);
      out[i + 1] = cy + SHRINK * (truth[i + 1] - cy);
    }
    return out;
  }
}
