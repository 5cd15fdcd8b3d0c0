package io.asmnet.trainer.teacher;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.asmnet.trainer.data.DecodedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Face boxes for photos no dlib teacher labelled: MediaPipe BlazeFace full range ({@code
 * models/blazeface/face_detection_back_256x256_barracuda.onnx}) on the whole photo, padded to a
 * square (black) and resized to 256. Decoding as MediaPipe's (and the processor's, which the
 * trainer must not depend on): 896 anchors, a 16x16 grid with 2 per cell then 8x8 with 6, centres
 * ((x + 0.5) / cells, (y + 0.5) / cells); box centre = anchor + raw[0..1] / 256, size = raw[2..3] /
 * 256; score = sigmoid(logit) >= {@value #MIN_SCORE}; overlapping boxes (IoU > {@value #IOU}) keep
 * the best. Upright faces only. Owns its session; not thread-safe.
 */
public final class BlazeFaceBoxes implements AutoCloseable {
  /** Score threshold. */
  public static final float MIN_SCORE = 0.6f;

  static final double IOU = 0.3;
  private static final int SIZE = 256;
  private static final int FINE = 16 * 16 * 2;
  private static final int COUNT = FINE + 8 * 8 * 6;

  /** A box in photo pixels. */
  public record Box(double cx, double cy, double width, double height, double score) {}

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String input;
  private final String[] outputs =
      new String[4]; // fine scores, coarse scores, fine boxes, coarse boxes
  private final float[] anchors = anchors();

  public BlazeFaceBoxes(Path onnx) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      session = env.createSession(onnx.toString(), options);
    }
    input = session.getInputNames().iterator().next();
    for (var e : session.getOutputInfo().entrySet()) {
      long[] s = ((TensorInfo) e.getValue().getInfo()).getShape();
      int slot = (s[1] == 512 ? 0 : 1) + (s[2] == 1 ? 0 : 2);
      outputs[slot] = e.getKey();
    }
  }

  /** Faces in the photo, best first. */
  public List<Box> detect(DecodedImage photo) throws OrtException {
    double side = Math.max(photo.width(), photo.height());
    MeshCrop square = new MeshCrop(side / 2 - 0.5, side / 2 - 0.5, side); // pads right and bottom
    float[] rgb = square.nhwc(photo, SIZE);
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = 2 * rgb[i] - 1;
    }
    float[] scores = new float[COUNT];
    float[] raw = new float[COUNT * 16];
    try (OnnxTensor x =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(rgb), new long[] {1, SIZE, SIZE, 3});
        OrtSession.Result r = session.run(Map.of(input, x))) {
      read(r, outputs[0], scores, 0);
      read(r, outputs[1], scores, FINE);
      read(r, outputs[2], raw, 0);
      read(r, outputs[3], raw, FINE * 16);
    }
    List<Box> all = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, scores[i]))));
      if (score < MIN_SCORE) {
        continue;
      }
      double cx = anchors[2 * i] + raw[16 * i] / SIZE;
      double cy = anchors[2 * i + 1] + raw[16 * i + 1] / SIZE;
      double w = raw[16 * i + 2] / SIZE;
      double h = raw[16 * i + 3] / SIZE;
      all.add(new Box(square.x0() + cx * side, square.y0() + cy * side, w * side, h * side, score));
    }
    all.sort(Comparator.comparingDouble(Box::score).reversed());
    List<Box> kept = new ArrayList<>();
    for (Box b : all) {
      if (kept.stream().noneMatch(k -> iou(k, b) > IOU)) {
        kept.add(b);
      }
    }
    return kept;
  }

  static double iou(Box a, Box b) {
    double ix =
        Math.max(
            0,
            Math.min(a.cx + a.width / 2, b.cx + b.width / 2)
                - Math.max(a.cx - a.width / 2, b.cx - b.width / 2));
    double iy =
        Math.max(
            0,
            Math.min(a.cy + a.height / 2, b.cy + b.height / 2)
                - Math.max(a.cy - a.height / 2, b.cy - b.height / 2));
    double inter = ix * iy;
    return inter / (a.width * a.height + b.width * b.height - inter);
  }

  private static void read(OrtSession.Result r, String name, float[] into, int offset) {
    FloatBuffer b = ((OnnxTensor) r.get(name).orElseThrow()).getFloatBuffer();
    b.get(into, offset, b.remaining());
  }

  private static float[] anchors() {
    float[] c = new float[2 * COUNT];
    int i = 0;
    for (int[] grid : new int[][] {{16, 2}, {8, 6}}) {
      for (int y = 0; y < grid[0]; y++) {
        for (int x = 0; x < grid[0]; x++) {
          for (int a = 0; a < grid[1]; a++, i++) {
            c[2 * i] = (x + 0.5f) / grid[0];
            c[2 * i + 1] = (y + 0.5f) / grid[0];
          }
        }
      }
    }
    return c;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
