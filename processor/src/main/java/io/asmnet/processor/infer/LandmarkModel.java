package io.asmnet.processor.infer;

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
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ASMNet landmark model in one ONNX Runtime session, opened once and shared. Interface (checked
 * at load): input {@code image} uint8 {@code [N,224,224,3]} BGR; outputs {@code landmarks} float
 * {@code [N,68,2]} in crop pixels and {@code pose} float {@code [N,3]} degrees (yaw, pitch, roll),
 * N dynamic; and the crop {@link ModelContract} in its metadata (refused without one). {@link #run}
 * is called by one thread at a time (the batcher's worker).
 */
public final class LandmarkModel implements AutoCloseable {
  public static final int SIZE = 224;
  public static final int CROP_BYTES = SIZE * SIZE * 3;
  public static final int LANDMARK_FLOATS = 68 * 2;
  static final String INPUT = "image";
  static final String LANDMARKS = "landmarks";
  static final String POSE = "pose";
  private static final Logger LOG = LoggerFactory.getLogger(LandmarkModel.class);

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String name;
  private final String version;
  private final InferenceDevice device;
  private final ModelContract contract;

  private LandmarkModel(
      OrtEnvironment env,
      OrtSession session,
      String name,
      String version,
      InferenceDevice device,
      ModelContract contract) {
    this.contract = contract;
    this.env = env;
    this.session = session;
    this.name = name;
    this.version = version;
    this.device = device;
  }

  /**
   * Opens the model. {@code AUTO} tries CUDA and falls back to the CPU with one log line; {@code
   * CUDA} fails with a {@link ModelLoadException} when CUDA is unavailable.
   */
  public static LandmarkModel open(Path file, InferenceDevice device) {
    OrtSessions.Opened opened;
    try {
      opened = OrtSessions.open(file, device, "landmark model", 0);
    } catch (OrtLoadException e) {
      throw new ModelLoadException(e.getMessage(), e);
    }
    OrtSession session = opened.session();
    try {
      checkInterface(file, session);
      Map<String, String> meta = session.getMetadata().getCustomMetadata();
      ModelContract contract = checkContract(file, ModelContract.read(file, meta));
      String name =
          meta.getOrDefault("model_name", meta.getOrDefault("name", stripExtension(file)));
      String version =
          meta.getOrDefault(
              "model_version",
              meta.getOrDefault("version", String.valueOf(session.getMetadata().getVersion())));
      LOG.info(
          "landmark model {} {} loaded from {} on {} (crop {} px, margin {})",
          name,
          version,
          file,
          opened.device(),
          contract.cropSize(),
          contract.cropMargin());
      return new LandmarkModel(opened.env(), session, name, version, opened.device(), contract);
    } catch (OrtException | RuntimeException e) {
      OrtSessions.closeQuietly(session);
      throw e instanceof ModelLoadException m
          ? m
          : new ModelLoadException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkInterface(Path file, OrtSession session) throws OrtException {
    expect(file, session.getInputInfo(), INPUT, OnnxJavaType.UINT8, SIZE, SIZE, 3);
    expect(file, session.getOutputInfo(), LANDMARKS, OnnxJavaType.FLOAT, 68, 2);
    expect(file, session.getOutputInfo(), POSE, OnnxJavaType.FLOAT, 3);
  }

  /**
   * The batcher's buffers are sized for {@link #SIZE} and 68 points; the contract must agree with
   * the tensors.
   */
  private static ModelContract checkContract(Path file, ModelContract contract) {
    if (contract.cropSize() != SIZE || contract.points() != LANDMARK_FLOATS / 2) {
      throw new ModelLoadException(
          "model "
              + file
              + " says crops of "
              + contract.cropSize()
              + " px and "
              + contract.points()
              + " points; its tensors and this processor use "
              + SIZE
              + " px and "
              + LANDMARK_FLOATS / 2);
    }
    return contract;
  }

  private static void expect(
      Path file, Map<String, NodeInfo> nodes, String name, OnnxJavaType type, long... dims) {
    String wanted =
        name + " " + type + " [N," + Arrays.toString(dims).replaceAll("[\\[\\] ]", "") + "]";
    NodeInfo node = nodes.get(name);
    if (node == null || !(node.getInfo() instanceof TensorInfo info)) {
      throw new ModelLoadException(
          "model "
              + file
              + " has no tensor '"
              + name
              + "' (has "
              + nodes.keySet()
              + "); expected "
              + wanted);
    }
    long[] shape = info.getShape();
    boolean ok =
        info.type == type
            && shape.length == dims.length + 1
            && shape[0] < 0
            && Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), dims);
    if (!ok) {
      throw new ModelLoadException(
          "model "
              + file
              + " tensor '"
              + name
              + "' is "
              + info.type
              + " "
              + Arrays.toString(shape)
              + "; expected "
              + wanted
              + " with a dynamic batch dimension N");
    }
  }

  /**
   * Runs one batch.
   *
   * @param crops direct buffer holding {@code n} crops of {@link #CROP_BYTES} bytes from index 0
   */
  public ModelOutput run(ByteBuffer crops, int n) throws OrtException {
    ByteBuffer view = crops.duplicate().position(0).limit(n * CROP_BYTES);
    try (OnnxTensor input =
            OnnxTensor.createTensor(env, view, new long[] {n, SIZE, SIZE, 3}, OnnxJavaType.UINT8);
        OrtSession.Result result = session.run(Map.of(INPUT, input))) {
      float[] landmarks = new float[n * LANDMARK_FLOATS];
      float[] pose = new float[n * 3];
      ((OnnxTensor) result.get(LANDMARKS).orElseThrow()).getFloatBuffer().get(landmarks);
      ((OnnxTensor) result.get(POSE).orElseThrow()).getFloatBuffer().get(pose);
      return new ModelOutput(n, landmarks, pose);
    }
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  /** How the model wants its faces cropped, from its own metadata. */
  public ModelContract contract() {
    return contract;
  }

  /** The device the session actually runs on (never AUTO). */
  public InferenceDevice device() {
    return device;
  }

  @Override
  public void close() {
    OrtSessions.closeQuietly(session);
  }

  private static String stripExtension(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".onnx") ? n.substring(0, n.length() - 5) : n;
  }
}
