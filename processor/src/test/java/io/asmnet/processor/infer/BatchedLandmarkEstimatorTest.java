package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.metrics.PipelineObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchedLandmarkEstimatorTest {
  @TempDir Path dir;

  private BatchedLandmarkEstimator probeEstimator(int maxBatch) throws Exception {
    return probeEstimator(maxBatch, 0.1);
  }

  private BatchedLandmarkEstimator probeEstimator(int maxBatch, double margin) throws Exception {
    Path file =
        ProbeOnnxModel.write(
            dir.resolve("p" + margin + ".onnx"), "image", ProbeOnnxModel.contract(margin));
    LandmarkModel model = LandmarkModel.open(file, InferenceDevice.CPU);
    return new BatchedLandmarkEstimator(model, maxBatch, 4, 1000, PipelineObserver.NONE);
  }

  @Test
  void shouldMapLandmarksFromCropToFramePixels() throws Exception {
    FaceRoi roi = FaceRoi.detected(30, 44, 30, 0, 0.9f);
    try (BatchedLandmarkEstimator estimator = probeEstimator(4);
        Mat frame = new Mat(100, 200, CV_8UC3, new Scalar(10, 20, 30, 0))) {
      LandmarkResults results = estimator.estimate(frame, List.of(roi));

      // The probe model puts every landmark at (B+G+R)/3 = 20 crop pixels; the crop is 30 * 1.2 px.
      FaceLandmarks face = results.faces().get(0);
      assertThat(face.landmarks()[0])
          .isCloseTo((float) (30 + (20 - 111.5) * 36 / 224), within(1e-3f));
      assertThat(face.landmarks()[1])
          .isCloseTo((float) (44 + (20 - 111.5) * 36 / 224), within(1e-3f));
      assertThat(new float[] {face.yaw(), face.pitch(), face.roll()})
          .containsExactly(new float[] {10, 20, 30}, within(1e-4f));
      assertThat(estimator.modelName()).isEqualTo("probe");
    }
  }

  @Test
  void shouldCropWithTheMarginTheModelWasTrainedWith() throws Exception {
    FaceRoi roi = FaceRoi.detected(30, 44, 30, 0, 0.9f);
    try (BatchedLandmarkEstimator estimator = probeEstimator(4, 0.25);
        Mat frame = new Mat(100, 200, CV_8UC3, new Scalar(10, 20, 30, 0))) {
      FaceLandmarks face = estimator.estimate(frame, List.of(roi)).faces().get(0);

      // margin 0.25 a side: the crop is 30 * 1.5 = 45 frame px, not 36
      assertThat(face.landmarks()[0])
          .isCloseTo((float) (30 + (20 - 111.5) * 45 / 224), within(1e-3f));
      assertThat(face.landmarks()[1])
          .isCloseTo((float) (44 + (20 - 111.5) * 45 / 224), within(1e-3f));
    }
  }

  @Test
  void shouldKeepTheOrderOfMoreFacesThanABatchHolds() throws Exception {
    try (BatchedLandmarkEstimator estimator = probeEstimator(4);
        Mat frame = new Mat(100, 1000, CV_8UC3, new Scalar(0, 0, 0, 0))) {
      List<FaceRoi> boxes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        try (Mat stripe = frame.apply(new Rect(i * 100, 0, 100, 100))) {
          stripe.put(new Scalar(i * 20, i * 20 + 1, i * 20 + 2, 0));
        }
        boxes.add(FaceRoi.detected(i * 100 + 50, 50, 30, 0, 1));
      }

      LandmarkResults results = estimator.estimate(frame, boxes);

      assertThat(results.faces()).hasSize(10);
      for (int i = 0; i < 10; i++) {
        assertThat(results.faces().get(i).yaw()).isCloseTo(i * 20, within(1e-4f));
      }
      assertThat(results.batchSize()).isBetween(1, 4);
    }
  }

  @Test
  void shouldAnswerNoFacesWithoutRunningTheModel() throws Exception {
    try (BatchedLandmarkEstimator estimator = probeEstimator(4);
        Mat frame = new Mat(10, 10, CV_8UC3, new Scalar(0, 0, 0, 0))) {
      LandmarkResults results = estimator.estimate(frame, List.of());

      assertThat(results.faces()).isEmpty();
      assertThat(results.batchSize()).isZero();
    }
  }
}
