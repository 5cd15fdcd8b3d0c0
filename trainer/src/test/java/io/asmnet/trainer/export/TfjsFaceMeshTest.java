package io.asmnet.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.tfjs.FaceCrop;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import io.asmnet.trainer.tfjs.TfjsModels;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MediaPipe FaceMesh (Human's {@code models/facemesh.json}: input [N,192,192,3] RGB in [0,1],
 * outputs {@code output_mesh} [N,1404] = 468 x (x, y, z) in crop pixels, {@code output_faceflag}
 * [N,1], {@code output_contours} [N,266]) converted by {@link TfjsGraphImporter} and run in ONNX
 * Runtime on dlib's held-out faces: its well-known vertices must land on dlib's labelled
 * counterparts.
 */
class TfjsFaceMeshTest {
  private static final Logger LOG = LoggerFactory.getLogger(TfjsFaceMeshTest.class);
  private static final int SIZE = 192;

  /**
   * MediaPipe vertex -> dlib 68-point index: outer eye corners, nose tip, inner lips, mouth
   * corners.
   */
  private static final int[][] PAIRS = {
    {33, 36}, {263, 45}, {1, 30}, {13, 62}, {14, 66}, {61, 48}, {291, 54}
  };

  @Test
  void shouldPutEyeNoseAndMouthVerticesOnTheLabelledLandmarks() throws Exception {
    byte[] onnx =
        new TfjsGraphImporter()
            .convert(TfjsModelFile.read(TfjsModels.humanModel("facemesh")))
            .toByteArray();
    List<LabelledFace> faces = TfjsModels.dlibHeldOutFaces();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession mesh = env.createSession(onnx, options)) {
        double sum = 0;
        int count = 0;
        long nanos = 0;
        List<float[]> crops = new ArrayList<>();
        List<float[]> singles = new ArrayList<>();
        for (LabelledFace face : faces) {
          float[] p = face.landmarks();
          float[] box = TfjsBlazeFaceParityTest.faceBox(p);
          // MediaPipe's landmark ROI is the detector box enlarged 1.5x; dlib's 68 points span a
          // similar box.
          double side = 1.5 * Math.max(box[2] - box[0], box[3] - box[1]);
          DecodedImage photo = ImageCache.decode(face.image());
          FaceCrop crop =
              FaceCrop.of(photo, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, side, SIZE, 0, 1);
          run(env, mesh, crop.nhwc(), 1); // warm-up, not timed
          long t0 = System.nanoTime();
          float[][] out = run(env, mesh, crop.nhwc(), 1);
          nanos += System.nanoTime() - t0;
          float[] vertices = out[0];
          assertThat(vertices).hasSize(468 * 3);
          double iod = Math.hypot(p[2 * 45] - p[2 * 36], p[2 * 45 + 1] - p[2 * 36 + 1]);
          for (int[] pair : PAIRS) {
            double[] xy = crop.toPhoto(vertices[3 * pair[0]], vertices[3 * pair[0] + 1]);
            double error = Math.hypot(xy[0] - p[2 * pair[1]], xy[1] - p[2 * pair[1] + 1]) / iod;
            assertThat(error)
                .as("vertex %d vs dlib %d on %s", pair[0], pair[1], face.image())
                .isLessThan(0.25);
            sum += error;
            count++;
          }
          assertThat(out[1][0]).as("face flag on %s", face.image()).isGreaterThan(0.5f);
          if (crops.size() < 4) {
            crops.add(crop.nhwc());
            singles.add(vertices);
          }
        }
        double mean = sum / count;
        LOG.info(
            "FaceMesh on {} dlib faces: mean error of {} vertex pairs {} of inter-ocular distance; {} ms/face (batch 1, 1 thread)",
            faces.size(),
            PAIRS.length,
            String.format("%.4f", mean),
            String.format("%.2f", nanos / 1e6 / faces.size()));
        assertThat(mean).isLessThan(0.1);
        assertBatchMatchesSingles(env, mesh, crops, singles);
      }
    }
  }

  /** The batch dimension is dynamic: a batch of 4 gives each face's batch-1 result. */
  private static void assertBatchMatchesSingles(
      OrtEnvironment env, OrtSession mesh, List<float[]> crops, List<float[]> singles)
      throws Exception {
    int n = crops.size();
    float[] batch = new float[n * SIZE * SIZE * 3];
    for (int i = 0; i < n; i++) {
      System.arraycopy(crops.get(i), 0, batch, i * SIZE * SIZE * 3, SIZE * SIZE * 3);
    }
    float[] all = run(env, mesh, batch, n)[0];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 1404; j++) {
        assertThat((double) all[i * 1404 + j])
            .isCloseTo(singles.get(i)[j], org.assertj.core.data.Offset.offset(1e-3));
      }
    }
  }

  /** [mesh (N x 1404 flat), faceflag (N)]. */
  private static float[][] run(OrtEnvironment env, OrtSession session, float[] nhwc, int n)
      throws Exception {
    try (OnnxTensor x =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(nhwc), new long[] {n, SIZE, SIZE, 3});
        OrtSession.Result result = session.run(Map.of("input_1", x))) {
      float[] mesh =
          ((OnnxTensor) result.get("output_mesh").orElseThrow()).getFloatBuffer().array();
      float[] flag =
          ((OnnxTensor) result.get("output_faceflag").orElseThrow()).getFloatBuffer().array();
      return new float[][] {mesh, flag};
    }
  }
}
