package io.asmnet.processor.detect;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.ort.OrtLoadException;
import io.asmnet.processor.ort.OrtSessions;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MediaPipe BlazeFace network (full range 256x256 or short range 128x128) in an ONNX Runtime
 * session, opened once per processor and shared by every stream thread (a session runs
 * concurrently). Interface, checked at load: one input {@code [1,S,S,3]} float, RGB scaled to [-1,
 * 1]; four outputs, told apart by shape: raw scores {@code [1,512,1]} and {@code [1,384,1]} and
 * regressors {@code [1,512,16]} and {@code [1,384,16]} for the 16x16 and 8x8 anchor grids (box
 * centre offset, size, then 6 keypoints, in input pixels).
 */
public final class BlazeFaceNet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BlazeFaceNet.class);

  private final OrtEnvironment env;
  private final OrtSession session;
  private final InferenceDevice device;
  private final int size;
  private final String input;
  private final String fineScores;
  private final String coarseScores;
  private final String fineBoxes;
  private final String coarseBoxes;

  private BlazeFaceNet(OrtSessions.Opened opened, int size, String input, String[] outputs) {
    this.env = opened.env();
    this.session = opened.session();
    this.device = opened.device();
    this.size = size;
    this.input = input;
    this.fineScores = outputs[0];
    this.coarseScores = outputs[1];
    this.fineBoxes = outputs[2];
    this.coarseBoxes = outputs[3];
  }

  /** Value of a model setting that names the network bundled in the processor jar. */
  public static final String BUNDLED = "bundled";

  private static final String RESOURCES = "/io/asmnet/processor/detect/blazeface/";

  /** The full-range network bundled in the processor (models/blazeface/ of the checkout). */
  public static final String FULL_RANGE = "face_detection_back_256x256_barracuda.onnx";

  /** The short-range network bundled in the processor. */
  public static final String SHORT_RANGE = "face_detection_front_128x128_barracuda.onnx";

  /**
   * @param source a file, or {@link #BUNDLED} for {@code bundled} (the bundled copy of that file
   *     name)
   * @param bundled which bundled network {@link #BUNDLED} means
   * @param threads intra-op threads on the CPU (0: ONNX Runtime's default, all cores)
   * @throws OrtLoadException the file is missing, not an ONNX model, or not a BlazeFace network
   */
  public static BlazeFaceNet open(
      String source, String bundled, InferenceDevice device, int threads) {
    boolean inJar = BUNDLED.equals(source);
    OrtSessions.Opened opened =
        inJar
            ? OrtSessions.openResource(RESOURCES + bundled, device, "face detector", threads)
            : OrtSessions.open(Path.of(source), device, "face detector", threads);
    Path file = Path.of(inJar ? bundled : source);
    try {
      Map.Entry<String, NodeInfo> in = opened.session().getInputInfo().entrySet().iterator().next();
      long[] shape = ((TensorInfo) in.getValue().getInfo()).getShape();
      boolean square =
          opened.session().getInputInfo().size() == 1
              && shape.length == 4
              && shape[0] == 1
              && shape[1] == shape[2]
              && shape[1] > 0
              && shape[3] == 3
              && ((TensorInfo) in.getValue().getInfo()).type == OnnxJavaType.FLOAT;
      if (!square) {
        throw new OrtLoadException(
            "face detector "
                + file
                + " is not a BlazeFace network: input "
                + in.getKey()
                + " is "
                + in.getValue().getInfo()
                + ", expected one float [1,S,S,3]");
      }
      String[] outputs = outputs(file, opened.session().getOutputInfo());
      BlazeFaceNet net = new BlazeFaceNet(opened, (int) shape[1], in.getKey(), outputs);
      LOG.info(
          "face detector {} ({}x{}) loaded on {}",
          file.getFileName(),
          shape[1],
          shape[1],
          opened.device());
      return net;
    } catch (OrtException | RuntimeException e) {
      OrtSessions.closeQuietly(opened.session());
      throw e instanceof OrtLoadException o
          ? o
          : new OrtLoadException("cannot read face detector " + file + ": " + e.getMessage(), e);
    }
  }

  /** Output names ordered fine scores, coarse scores, fine boxes, coarse boxes. */
  private static String[] outputs(Path file, Map<String, NodeInfo> nodes) {
    String[] names = new String[4];
    for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
      if (e.getValue().getInfo() instanceof TensorInfo t && t.getShape().length == 3) {
        long[] s = t.getShape();
        int slot = (s[1] == 512 ? 0 : s[1] == 384 ? 1 : -9) + (s[2] == 1 ? 0 : s[2] == 16 ? 2 : -9);
        if (slot >= 0 && names[slot] == null) {
          names[slot] = e.getKey();
        }
      }
    }
    if (nodes.size() != 4 || Arrays.asList(names).contains(null)) {
      throw new OrtLoadException(
          "face detector "
              + file
              + " is not a BlazeFace network: outputs "
              + nodes.keySet()
              + " are not scores [1,512,1], [1,384,1] and boxes [1,512,16], [1,384,16]");
    }
    return names;
  }

  /** Input side S, pixels. */
  public int size() {
    return size;
  }

  public InferenceDevice device() {
    return device;
  }

  /**
   * Runs the network on one image.
   *
   * @param rgb S x S x 3 floats, RGB in [-1, 1], row by row (a direct buffer is not copied)
   * @param scores receives the 896 raw scores (logits), anchor order
   * @param boxes receives the 896 x 16 raw regressors
   */
  public void run(FloatBuffer rgb, float[] scores, float[] boxes) throws OrtException {
    try (OnnxTensor tensor =
            OnnxTensor.createTensor(env, rgb.duplicate().rewind(), new long[] {1, size, size, 3});
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      read(result, fineScores, scores, 0);
      read(result, coarseScores, scores, BlazeFaceAnchors.FINE);
      read(result, fineBoxes, boxes, 0);
      read(result, coarseBoxes, boxes, BlazeFaceAnchors.FINE * 16);
    }
  }

  private static void read(OrtSession.Result result, String name, float[] into, int offset) {
    FloatBuffer b = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
    b.get(into, offset, b.remaining());
  }

  @Override
  public void close() {
    OrtSessions.closeQuietly(session);
  }
}
