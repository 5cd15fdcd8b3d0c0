package io.asmnet.trainer.teacher;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.export.TfjsGraphImporter;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MediaPipe FaceMesh (Human's {@code models/facemesh.json}, a TFJS graph model) converted in memory
 * by {@link TfjsGraphImporter} and run in ONNX Runtime on the CPU. Input [N, 192, 192, 3] RGB in
 * [0, 1]; output {@code output_mesh} [N, 1404] in crop pixels, {@code output_faceflag} [N, 1]. Owns
 * its session; not thread-safe.
 */
public final class FaceMesh implements AutoCloseable {
  /** Input side in pixels. */
  public static final int SIZE = 192;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  private FaceMesh(OrtSession session) {
    this.session = session;
  }

  /** Converts and opens the model. */
  public static FaceMesh open(Path modelJson, int threads) throws IOException, OrtException {
    byte[] onnx = new TfjsGraphImporter().convert(TfjsModelFile.read(modelJson)).toByteArray();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      // The imported graph carries folded constants ORT reports as unused, one warning each.
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      return new FaceMesh(OrtEnvironment.getEnvironment().createSession(onnx, options));
    }
  }

  /** One mesh per crop of the photo, in photo coordinates (one batch). */
  public List<Mesh> run(DecodedImage photo, List<MeshCrop> crops) throws OrtException {
    if (crops.isEmpty()) {
      return List.of();
    }
    int n = crops.size();
    int per = SIZE * SIZE * 3;
    float[] batch = new float[n * per];
    for (int i = 0; i < n; i++) {
      System.arraycopy(crops.get(i).nhwc(photo, SIZE), 0, batch, i * per, per);
    }
    try (OnnxTensor x =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), new long[] {n, SIZE, SIZE, 3});
        OrtSession.Result result = session.run(Map.of("input_1", x))) {
      float[] mesh =
          ((OnnxTensor) result.get("output_mesh").orElseThrow()).getFloatBuffer().array();
      float[] flag =
          ((OnnxTensor) result.get("output_faceflag").orElseThrow()).getFloatBuffer().array();
      List<Mesh> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        MeshCrop crop = crops.get(i);
        double s = crop.scale(SIZE);
        float[] xyz = new float[3 * Mesh.VERTICES];
        for (int v = 0; v < Mesh.VERTICES; v++) {
          int k = i * 3 * Mesh.VERTICES + 3 * v;
          // crop pixel u covers photo [x0 + u s, x0 + (u + 1) s): its centre maps to x0 + (u + 0.5)
          // s - 0.5
          xyz[3 * v] = (float) (crop.x0() + (mesh[k] + 0.5) * s - 0.5);
          xyz[3 * v + 1] = (float) (crop.y0() + (mesh[k + 1] + 0.5) * s - 0.5);
          xyz[3 * v + 2] = (float) (mesh[k + 2] * s);
        }
        out.add(new Mesh(xyz, flag[i]));
      }
      return out;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
