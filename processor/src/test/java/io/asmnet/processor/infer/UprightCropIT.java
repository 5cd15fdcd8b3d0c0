package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.detect.BlazeFaceConfig;
import io.asmnet.processor.detect.BlazeFaceDetector;
import io.asmnet.processor.detect.BlazeFaceNet;
import io.asmnet.processor.detect.DlibExamples;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceDetector;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.PhotoViews;
import io.asmnet.processor.metrics.PipelineObserver;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whether turning the landmark model's crop upright by the detector's eye keypoints (MediaPipe's
 * face-landmark ROI) lowers the landmark error, on dlib's held-out faces turned by 0, +-30 and +-45
 * degrees, with the committed model: the measurement behind {@code crop.upright=true}. NME is by
 * the outer-eye-corner distance, against the labels turned with the photo.
 */
@Tag("integration")
class UprightCropIT {
  private static final double[] TURNS = {-45, -30, 0, 30, 45};

  @Test
  void shouldLowerTheLandmarkErrorOnTurnedFaces() throws Exception {
    List<DlibExamples.Photo> photos = DlibExamples.photos("faces/testing_with_face_landmarks.xml");
    double[] upright = new double[TURNS.length];
    double[] aligned = new double[TURNS.length];
    int[] faces = new int[TURNS.length];
    try (BlazeFaceNet net =
            BlazeFaceNet.open(
                BlazeFaceNet.BUNDLED, BlazeFaceNet.FULL_RANGE, InferenceDevice.CPU, 1);
        BlazeFaceDetector turning = new BlazeFaceDetector(net, BlazeFaceConfig.defaults());
        BlazeFaceDetector straight = new BlazeFaceDetector(net, withUpright(false));
        BatchedLandmarkEstimator estimator =
            new BatchedLandmarkEstimator(
                LandmarkModel.open(TestModels.require(), InferenceDevice.CPU),
                16,
                1,
                0,
                PipelineObserver.NONE)) {
      for (int t = 0; t < TURNS.length; t++) {
        double turn = TURNS[t];
        for (DlibExamples.Photo photo : photos) {
          PhotoViews.View view = PhotoViews.turned(photo, turn);
          try (Mat image = view.image()) {
            List<FaceBox> a = boxes(turning, image);
            List<FaceBox> b = boxes(straight, image);
            for (float[] truth : view.landmarks()) {
              double u = nme(estimator, image, nearest(a, truth), truth);
              double s = nme(estimator, image, nearest(b, truth), truth);
              if (Double.isFinite(u) && Double.isFinite(s)) {
                upright[t] += u;
                aligned[t] += s;
                faces[t]++;
              }
            }
          }
        }
      }
    }
    double turnedUpright = 0;
    double turnedAligned = 0;
    for (int t = 0; t < TURNS.length; t++) {
      System.out.printf(
          "turned %+4.0f deg: %d faces, NME upright crop %.4f, axis-aligned crop %.4f%n",
          TURNS[t], faces[t], upright[t] / faces[t], aligned[t] / faces[t]);
      if (TURNS[t] != 0) {
        turnedUpright += upright[t] / faces[t];
        turnedAligned += aligned[t] / faces[t];
      }
      assertThat(faces[t]).isGreaterThanOrEqualTo(15);
    }
    assertThat(turnedUpright)
        .as("mean NME on turned faces, upright vs axis-aligned crops")
        .isLessThan(turnedAligned);
  }

  private static BlazeFaceConfig withUpright(boolean upright) {
    BlazeFaceConfig d = BlazeFaceConfig.defaults();
    return new BlazeFaceConfig(d.minScore(), d.nmsIou(), d.maxFaces(), d.minFaceSize(), upright);
  }

  /**
   * The detected box whose centre is nearest the labelled landmarks' centre, or null if none is
   * within a face.
   */
  private static FaceBox nearest(List<FaceBox> boxes, float[] truth) {
    FaceBox label = PhotoViews.landmarkBox(truth);
    FaceBox best = null;
    double bestDistance = Math.max(label.w(), label.h()) / 2.0;
    for (FaceBox b : boxes) {
      double d = Math.hypot(b.centreX() - label.centreX(), b.centreY() - label.centreY());
      if (d < bestDistance) {
        bestDistance = d;
        best = b;
      }
    }
    return best;
  }

  private static double nme(
      BatchedLandmarkEstimator estimator, Mat image, FaceBox box, float[] truth)
      throws InterruptedException {
    if (box == null) {
      return Double.NaN;
    }
    float[] p = estimator.estimate(image, List.of(FaceRegion.roi(box))).faces().get(0).landmarks();
    double iod = Math.hypot(truth[2 * 45] - truth[2 * 36], truth[2 * 45 + 1] - truth[2 * 36 + 1]);
    double sum = 0;
    for (int i = 0; i < 68; i++) {
      sum += Math.hypot(p[2 * i] - truth[2 * i], p[2 * i + 1] - truth[2 * i + 1]);
    }
    return sum / 68 / iod;
  }

  /** The faces a detector finds, framed as events report them. */
  private static List<FaceBox> boxes(FaceDetector detector, Mat frame) {
    return detector.locate(frame).stream().map(FaceRegion::box).toList();
  }
}
