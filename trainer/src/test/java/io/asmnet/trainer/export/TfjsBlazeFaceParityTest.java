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
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Human's BlazeFace ({@code models/blazeface.json}, a TFJS graph model) converted by {@link
 * TfjsGraphImporter} against the ready-made ONNX of the same network, MediaPipe's
 * face_detection_back 256x256 as converted for Barracuda: same input, same four outputs (Identity:
 * [1,512,1] scores of the 16x16 grid, 2 anchors a cell; Identity_1: [1,384,1] scores of the 8x8
 * grid, 6 anchors; Identity_2 / Identity_3: [1,512,16] / [1,384,16] box and keypoint regressors),
 * same names and layouts.
 */
class TfjsBlazeFaceParityTest {
  private static final Logger LOG = LoggerFactory.getLogger(TfjsBlazeFaceParityTest.class);
  private static final List<String> OUTPUTS =
      List.of("Identity", "Identity_1", "Identity_2", "Identity_3");
  private static final int SIZE = 256;

  @Test
  void shouldMatchTheReadyMadeOnnxWithin1e4OnRandomAndRealInputs() throws Exception {
    byte[] converted =
        new TfjsGraphImporter()
            .convert(TfjsModelFile.read(TfjsModels.humanModel("blazeface")))
            .toByteArray();
    byte[] reference =
        Files.readAllBytes(TfjsModels.blazefaceOnnx("face_detection_back_256x256_barracuda.onnx"));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession ours = env.createSession(converted, options);
        OrtSession theirs = env.createSession(reference, options)) {
      assertThat(ours.getInputNames()).containsExactly("input");
      assertThat(ours.getOutputNames()).containsExactlyInAnyOrderElementsOf(OUTPUTS);

      Random rng = new Random(7);
      float[] noise = new float[SIZE * SIZE * 3];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = 2 * rng.nextFloat() - 1;
      }
      double worst = compare(env, ours, theirs, noise, "random [-1,1]");

      // Real faces, centred with a margin as a detector sees them, in both candidate ranges.
      List<LabelledFace> faces = TfjsModels.dlibHeldOutFaces();
      double signedSum = 0;
      double unitSum = 0;
      int n = Math.min(8, faces.size());
      for (LabelledFace face : faces.subList(0, n)) {
        DecodedImage photo = ImageCache.decode(face.image());
        float[] box = faceBox(face.landmarks());
        double side = 2.2 * Math.max(box[2] - box[0], box[3] - box[1]);
        double cx = (box[0] + box[2]) / 2;
        double cy = (box[1] + box[3]) / 2;
        FaceCrop signed = FaceCrop.of(photo, cx, cy, side, SIZE, -1, 1);
        FaceCrop unit = FaceCrop.of(photo, cx, cy, side, SIZE, 0, 1);
        worst = Math.max(worst, compare(env, ours, theirs, signed.nhwc(), "face [-1,1]"));
        worst = Math.max(worst, compare(env, ours, theirs, unit.nhwc(), "face [0,1]"));
        double scoreSigned = bestScore(env, ours, signed.nhwc());
        // Which range the network expects: with it, every centred face is found.
        assertThat(scoreSigned).as("%s", face.image()).isGreaterThan(0.75);
        signedSum += scoreSigned;
        unitSum += bestScore(env, ours, unit.nhwc());
      }
      LOG.info(
          "mean best face score over {} centred real faces: input [-1,1] {}, input [0,1] {}",
          n,
          signedSum / n,
          unitSum / n);
      LOG.info("max |ours - reference| over all inputs and outputs: {}", worst);
      assertThat(worst).isLessThan(1e-4);
    }
  }

  private static double compare(
      OrtEnvironment env, OrtSession ours, OrtSession theirs, float[] nhwc, String what)
      throws Exception {
    Map<String, float[]> a = run(env, ours, "input", nhwc);
    Map<String, float[]> b = run(env, theirs, "input:0", nhwc);
    double worst = 0;
    for (String name : OUTPUTS) {
      float[] x = a.get(name);
      float[] y = b.get(name + ":0");
      assertThat(x).as(name).hasSameSizeAs(y);
      double max = 0;
      double scale = 0;
      for (int i = 0; i < x.length; i++) {
        max = Math.max(max, Math.abs(x[i] - y[i]));
        scale = Math.max(scale, Math.abs(y[i]));
      }
      LOG.debug("{}: {} max |ours - reference| = {} (max |reference| {})", what, name, max, scale);
      worst = Math.max(worst, max);
    }
    return worst;
  }

  private static double bestScore(OrtEnvironment env, OrtSession session, float[] nhwc)
      throws Exception {
    Map<String, float[]> out = run(env, session, "input", nhwc);
    double best = Double.NEGATIVE_INFINITY;
    for (String name : List.of("Identity", "Identity_1")) {
      for (float logit : out.get(name)) {
        best = Math.max(best, logit);
      }
    }
    return 1 / (1 + Math.exp(-best));
  }

  static Map<String, float[]> run(
      OrtEnvironment env, OrtSession session, String input, float[] nhwc) throws Exception {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (OnnxTensor x =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(nhwc), new long[] {1, SIZE, SIZE, 3});
        OrtSession.Result result = session.run(Map.of(input, x))) {
      for (var e : result) {
        out.put(e.getKey(), ((OnnxTensor) e.getValue()).getFloatBuffer().array());
      }
    }
    return out;
  }

  static float[] faceBox(float[] xy) {
    float[] box = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < xy.length; i += 2) {
      box[0] = Math.min(box[0], xy[i]);
      box[1] = Math.min(box[1], xy[i + 1]);
      box[2] = Math.max(box[2], xy[i]);
      box[3] = Math.max(box[3], xy[i + 1]);
    }
    return box;
  }
}
