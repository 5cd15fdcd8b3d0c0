package io.asmnet.trainer.export;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.asmnet.trainer.model.InputCodec;
import io.asmnet.trainer.model.TargetCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs the same random BGR crops through a DJL block and its ONNX export (real ONNX Runtime, CPU)
 * and reports the largest absolute difference of each output in the network's units: ONNX's pixels
 * and degrees are mapped back with {@link TargetCodec} (px / 224 - 0.5, deg / 90), so 1e-4 there is
 * 0.022 px and 0.009 degrees.
 */
public final class OnnxParity implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  public OnnxParity(byte[] model) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      session = env.createSession(model, options);
    }
  }

  public OrtSession session() {
    return session;
  }

  /** Max abs difference of landmarks and pose in network units, [landmarks, pose]. */
  public double[] maxDifference(NDManager manager, Block net, int batch, Random rng)
      throws OrtException {
    List<byte[]> crops = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.allocateDirect(batch * 224 * 224 * 3);
    for (int i = 0; i < batch; i++) {
      byte[] crop = new byte[224 * 224 * 3];
      rng.nextBytes(crop);
      crops.add(crop);
      buffer.put(crop);
    }
    buffer.flip();
    NDList djl =
        net.forward(
            new ParameterStore(manager, false),
            new NDList(InputCodec.toInput(manager, crops)),
            false);
    float[] djlLandmarks = djl.get(0).toFloatArray();
    float[] djlPose = djl.get(1).toFloatArray();
    try (OnnxTensor input =
            OnnxTensor.createTensor(
                env, buffer, new long[] {batch, 224, 224, 3}, OnnxJavaType.UINT8);
        OrtSession.Result result = session.run(Map.of(AsmNetOnnxExporter.INPUT, input))) {
      float[][][] landmarks =
          (float[][][]) result.get(AsmNetOnnxExporter.LANDMARKS).get().getValue();
      float[][] pose = (float[][]) result.get(AsmNetOnnxExporter.POSE).get().getValue();
      if (landmarks.length != batch || pose.length != batch) {
        throw new AssertionError("ONNX batch " + landmarks.length + " != " + batch);
      }
      double dl = 0;
      double dp = 0;
      for (int n = 0; n < batch; n++) {
        int points = landmarks[n].length;
        for (int p = 0; p < points; p++) {
          for (int c = 0; c < 2; c++) {
            float normalised = landmarks[n][p][c] / TargetCodec.CROP - TargetCodec.LANDMARK_OFFSET;
            dl = Math.max(dl, Math.abs(normalised - djlLandmarks[n * points * 2 + p * 2 + c]));
          }
        }
        for (int c = 0; c < 3; c++) {
          dp =
              Math.max(
                  dp, Math.abs(pose[n][c] / TargetCodec.POSE_SCALE_DEGREES - djlPose[n * 3 + c]));
        }
      }
      return new double[] {dl, dp};
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
