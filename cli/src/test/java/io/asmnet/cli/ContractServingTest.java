package io.asmnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.infer.BatchedLandmarkEstimator;
import io.asmnet.processor.infer.LandmarkModel;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.MeanFace3d;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.data.SampleMaker;
import io.asmnet.trainer.export.AsmNetOnnxExporter;
import io.asmnet.trainer.export.ContractStamp;
import io.asmnet.trainer.export.ModelCard;
import io.asmnet.trainer.model.AsmNet;
import io.asmnet.trainer.model.TargetCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training/serving contract end to end: a model exported with a crop margin other than the
 * default (0.25) is served by the processor as the trainer cropped for it. The trainer's own {@link
 * SampleMaker} makes the crop of a face on a synthetic photo; the model is initialised to answer
 * exactly the landmarks that crop holds ({@link AsmNet#startAtMeanShape} with zero weights). Served
 * through the processor's infer path, the landmarks must land back on the face, and the crop the
 * processor fed the model must be the trainer's crop. No crop rule is written here: both sides come
 * from production code and the model's metadata.
 */
class ContractServingTest {
  private static final double MARGIN = 0.25;
  private static final int W = 480;
  private static final int H = 400;

  @TempDir static Path dir;
  static Path photo;
  static float[] truth;
  static Sample trainerCrop;
  static Path model;

  @BeforeAll
  static void exportAModelTrainedOnWideCrops() throws Exception {
    // The engine must not try to download natives (the trainer's own tests set this in its pom).
    System.setProperty("ai.djl.offline", "true");
    photo = writeTexturedPhoto(dir.resolve("photo.png"));
    truth = meanFace(150, 240, 190);
    trainerCrop =
        new SampleMaker(new ImageCache(64L << 20), MARGIN)
            .make(new LabelledFace(photo, truth, new HeadPose(0, 0, 0), "test"), null);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, Sample.SIZE, Sample.SIZE));
      AsmNet.startAtMeanShape(net, TargetCodec.encodeLandmarks(trainerCrop.landmarks()), 0f);
      model = dir.resolve("wide.onnx");
      new AsmNetOnnxExporter()
          .write(net, new ModelCard("wide", "0", "synthetic", Double.NaN, Map.of()), MARGIN, model);
    }
  }

  @Test
  void shouldServeAModelExportedWithAnotherMarginWhereTheTrainersCropPutTheFace() throws Exception {
    Served served = serve(model);

    assertThat(served.model.cropMargin()).isEqualTo(MARGIN);
    assertThat(maxDistance(served.landmarks, truth))
        .as("px from the true landmarks")
        .isLessThan(0.05);
    // The same square of the same photo, warped by two separately computed matrices: equal up to
    // bilinear rounding (a 0.1 margin would show a 20 % larger face: tens of grey levels off).
    assertThat(meanAbsDifference(served.crop, trainerCrop.bgr()))
        .as("mean grey-level difference")
        .isLessThan(1.0);
  }

  @Test
  void shouldMissTheFaceWhenTheModelClaimsTheWrongMargin() throws Exception {
    Path wrong = dir.resolve("claims-default.onnx");
    ContractStamp.stamp(model, wrong, SampleMaker.DEFAULT_MARGIN);

    Served served = serve(wrong);

    // What serving without the contract (the processor's old constant 0.1) would have done.
    assertThat(maxDistance(served.landmarks, truth)).isGreaterThan(5);
    assertThat(meanAbsDifference(served.crop, trainerCrop.bgr())).isGreaterThan(5);
  }

  private record Served(
      io.asmnet.processor.infer.ModelContract model, float[] landmarks, byte[] crop) {}

  /** One face through the processor's batched estimator; the crop the model got is captured. */
  private static Served serve(Path file) throws Exception {
    LandmarkModel landmarks = LandmarkModel.open(file, InferenceDevice.CPU);
    byte[] crop = new byte[LandmarkModel.CROP_BYTES];
    FaceRoi face = FaceRegion.roi(FaceRegion.fromLandmarks(truth, 1f));
    try (BatchedLandmarkEstimator estimator =
            new BatchedLandmarkEstimator(
                landmarks,
                (crops, n) -> {
                  crops.duplicate().position(0).get(crop);
                  return landmarks.run(crops, n);
                },
                4,
                1,
                1000,
                5000,
                0,
                PipelineObserver.NONE);
        Mat frame = imread(photo.toString())) {
      float[] points = estimator.estimate(frame, List.of(face)).faces().get(0).landmarks();
      return new Served(landmarks.contract(), points, crop);
    }
  }

  /**
   * A photo with structure everywhere (gradients and noise), so a crop of the wrong square differs.
   */
  private static Path writeTexturedPhoto(Path file) {
    byte[] bgr = new byte[W * H * 3];
    Random random = new Random(4);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int p = (y * W + x) * 3;
        bgr[p] = (byte) (x * 255 / W);
        bgr[p + 1] = (byte) (y * 255 / H);
        bgr[p + 2] = (byte) (128 + 100 * Math.sin(x / 9.0) * Math.cos(y / 7.0) + random.nextInt(8));
      }
    }
    try (BytePointer data = new BytePointer(bgr);
        Mat mat = new Mat(H, W, CV_8UC3, data)) {
      if (!imwrite(file.toString(), mat)) {
        throw new IllegalStateException("cannot write " + file);
      }
    }
    return file;
  }

  /** The trainer's mean face, {@code size} px across, centred at (cx, cy). */
  private static float[] meanFace(float size, float cx, float cy) {
    double[] xyz = MeanFace3d.points();
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    for (int i = 0; i < MeanFace3d.POINTS; i++) {
      minX = Math.min(minX, xyz[3 * i]);
      maxX = Math.max(maxX, xyz[3 * i]);
    }
    double scale = size / (maxX - minX);
    float[] p = new float[2 * MeanFace3d.POINTS];
    for (int i = 0; i < MeanFace3d.POINTS; i++) {
      p[2 * i] = (float) (cx + xyz[3 * i] * scale);
      p[2 * i + 1] = (float) (cy + xyz[3 * i + 1] * scale);
    }
    return p;
  }

  private static double maxDistance(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i += 2) {
      max = Math.max(max, Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]));
    }
    return max;
  }

  private static double meanAbsDifference(byte[] a, byte[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
    }
    return sum / (double) a.length;
  }
}
