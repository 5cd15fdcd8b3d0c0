package io.asmnet.trainer.eval;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.Sample;
import io.asmnet.trainer.export.AsmNetOnnxExporter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exported model run by ONNX Runtime on the CPU, exactly as the processor runs it: uint8 BGR
 * {@code [N, 224, 224, 3]} in, {@code landmarks [N, 68, 2]} crop pixels and {@code pose [N, 3]}
 * degrees out. Owns the session.
 */
public final class OnnxPredictor implements LandmarkPredictor, AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  /**
   * @param threads intra-op threads (0: ONNX Runtime's default)
   */
  public OnnxPredictor(Path model, int threads) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      session = env.createSession(model.toString(), options);
    }
  }

  /** The model's metadata properties (name, version, evaluation figures...). */
  public Map<String, String> metadata() throws OrtException {
    return session.getMetadata().getCustomMetadata();
  }

  @Override
  public List<Prediction> predict(List<Sample> batch) {
    int size = Sample.SIZE * Sample.SIZE * 3;
    ByteBuffer buffer = ByteBuffer.allocateDirect(size * batch.size());
    batch.forEach(s -> buffer.put(s.bgr()));
    buffer.flip();
    try (OnnxTensor input =
            OnnxTensor.createTensor(
                env,
                buffer,
                new long[] {batch.size(), Sample.SIZE, Sample.SIZE, 3},
                OnnxJavaType.UINT8);
        OrtSession.Result result = session.run(Map.of(AsmNetOnnxExporter.INPUT, input))) {
      float[][][] landmarks =
          (float[][][]) result.get(AsmNetOnnxExporter.LANDMARKS).get().getValue();
      float[][] pose = (float[][]) result.get(AsmNetOnnxExporter.POSE).get().getValue();
      List<Prediction> out = new ArrayList<>(batch.size());
      for (int n = 0; n < batch.size(); n++) {
        float[] xy = new float[landmarks[n].length * 2];
        for (int p = 0; p < landmarks[n].length; p++) {
          xy[2 * p] = landmarks[n][p][0];
          xy[2 * p + 1] = landmarks[n][p][1];
        }
        out.add(new Prediction(xy, new HeadPose(pose[n][0], pose[n][1], pose[n][2])));
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
