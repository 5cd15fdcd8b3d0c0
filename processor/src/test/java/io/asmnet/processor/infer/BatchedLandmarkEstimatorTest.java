package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.detect.FaceBox;
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
    LandmarkModel model = LandmarkModel.open(ProbeOnnxModel.write(dir.resolve("p.onnx"), "image"), InferenceDevice.CPU);
    return new BatchedLandmarkEstimator(model, maxBatch, 4, 1000, PipelineObserver.NONE);
  }

  @Test
  void shouldMapLandmarksFromCropToFramePixels() throws Exception {
    FaceBox box = new FaceBox(10, 20, 40, 40, 0.9f);
    try (BatchedLandmarkEstimator estimator = probeEstimator(4);
        Mat frame = new Mat(100, 200, CV_8UC3, new Scalar(10, 20, 30, 0))) {
      LandmarkResults results = estimator.estimate(frame, List.of(box));

      // The probe model puts every landmark at (B+G+R)/3 = 20 crop pixels.
      CropGeometry g = CropGeometry.of(box);
      FaceLandmarks face = results.faces().get(0);
      assertThat(face.landmarks()[0]).isCloseTo((float) (g.cx() + (20 - 111.5) / g.scale()), within(1e-3f));
      assertThat(face.landmarks()[1]).isCloseTo((float) (g.cy() + (20 - 111.5) / g.scale()), within(1e-3f));
      assertThat(new float[] {face.yaw(), face.pitch(), face.roll()}).containsExactly(new float[] {10, 20, 30}, within(1e-4f));
      assertThat(estimator.modelName()).isEqualTo("probe");
    }
  }

  @Test
  void shouldKeepTheOrderOfMoreFacesThanABatchHolds() throws Exception {
    try (BatchedLandmarkEstimator estimator = probeEstimator(4);
        Mat frame = new Mat(100, 1000, CV_8UC3, new Scalar(0, 0, 0, 0))) {
      List<FaceBox> boxes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        try (Mat stripe = frame.apply(new Rect(i * 100, 0, 100, 100))) {
          stripe.put(new Scalar(i * 20, i * 20 + 1, i * 20 + 2, 0));
        }
        boxes.add(new FaceBox(i * 100 + 30, 30, 40, 40, 1));
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
