package io.asmnet.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops BlazeFace and FaceMesh do not use (unfused Conv2D with EXPLICIT padding, BiasAdd, Relu6,
 * AvgPool, SAME MaxPool with an odd kernel, AddV2 of two computed tensors, ConcatV2 on the channel
 * axis, Mul/Sub by constants, Tanh, PadV2, Sigmoid, a 2-D Reshape, outputs found without a
 * signature), in one small graph run by ONNX Runtime against a plain NHWC evaluation written here.
 */
class TfjsGraphOpsTest {
  private final Random rng = new Random(3);

  private float[] random(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * rng.nextFloat() - 1;
    }
    return v;
  }

  @Test
  void shouldMatchAPlainNhwcEvaluation(@TempDir Path dir) throws Exception {
    float[] w1 = random(2 * 3);
    float[] b1 = {4f, -0.5f, 7f};
    float[] k1 = random(6);
    float[] k2 = random(6);
    float[] w2 = random(2 * 2 * 6 * 2);
    TfjsGraphBuilder b =
        new TfjsGraphBuilder()
            .placeholder("x", 1, 4, 4, 2)
            .floats("w1", w1, 1, 1, 2, 3)
            .floats("b1", b1, 3)
            .op(
                "c1",
                "Conv2D",
                new String[] {"x", "w1"},
                "padding",
                "VALID",
                "strides",
                new long[] {1, 1, 1, 1})
            .op("a1", "BiasAdd", new String[] {"c1", "b1"})
            .op("r1", "Relu6", new String[] {"a1"})
            .op(
                "p1",
                "AvgPool",
                new String[] {"r1"},
                "padding",
                "VALID",
                "ksize",
                new long[] {1, 2, 2, 1},
                "strides",
                new long[] {1, 2, 2, 1})
            .op(
                "p2",
                "MaxPool",
                new String[] {"r1"},
                "padding",
                "SAME",
                "ksize",
                new long[] {1, 3, 3, 1},
                "strides",
                new long[] {1, 2, 2, 1})
            .op("sum", "AddV2", new String[] {"p1", "p2"})
            .ints("axis", new int[] {-1})
            .op("cat", "ConcatV2", new String[] {"sum", "p2", "axis"})
            .floats("k1", k1, 6)
            .floats("k2", k2, 1, 1, 6)
            .op("m", "Mul", new String[] {"k1", "cat"})
            .op("s", "Sub", new String[] {"m", "k2"})
            .op("t", "Tanh", new String[] {"s"})
            .ints("paddings", new int[] {0, 0, 1, 0, 0, 1, 0, 0}, 4, 2)
            .floats("half", new float[] {0.5f})
            .op("pd", "PadV2", new String[] {"t", "paddings", "half"})
            .floats("w2", w2, 2, 2, 6, 2)
            .op(
                "c2",
                "Conv2D",
                new String[] {"pd", "w2"},
                "padding",
                "EXPLICIT",
                "explicit_paddings",
                new long[] {0, 0, 1, 0, 0, 1, 0, 0},
                "strides",
                new long[] {1, 1, 1, 1})
            .op("sg", "Sigmoid", new String[] {"c2"})
            .ints("flat", new int[] {1, -1}, 2)
            .op("reshaped", "Reshape", new String[] {"sg", "flat"})
            .op("out", "Identity", new String[] {"reshaped"});
    byte[] onnx = new TfjsGraphImporter().convert(TfjsModelFile.read(b.write(dir))).toByteArray();

    float[] x = random(4 * 4 * 2);
    float[] ours;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
        OnnxTensor input =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 4, 4, 2});
        OrtSession.Result result = session.run(Map.of("x", input))) {
      assertThat(session.getOutputNames()).containsExactly("out");
      ours = ((OnnxTensor) result.get("out").orElseThrow()).getFloatBuffer().array();
    }

    // The same graph, NHWC, by hand.
    float[] r1 = conv(x, 4, 4, 2, w1, 1, 1, 3, 1, 0, 0, 4, 4);
    for (int i = 0; i < r1.length; i++) {
      r1[i] = Math.min(6, Math.max(0, r1[i] + b1[i % 3]));
    }
    float[] p1 = new float[2 * 2 * 3];
    float[] p2 = new float[2 * 2 * 3];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        for (int c = 0; c < 3; c++) {
          float avg = 0;
          float max = Float.NEGATIVE_INFINITY;
          for (int di = 0; di < 2; di++) {
            for (int dj = 0; dj < 2; dj++) {
              avg += r1[((2 * i + di) * 4 + 2 * j + dj) * 3 + c] / 4;
            }
          }
          // SAME, k3 s2 on 4: total padding 1, all of it after (TF puts the odd pixel last)
          for (int di = 0; di < 3; di++) {
            for (int dj = 0; dj < 3; dj++) {
              int r = 2 * i + di;
              int q = 2 * j + dj;
              if (r < 4 && q < 4) {
                max = Math.max(max, r1[(r * 4 + q) * 3 + c]);
              }
            }
          }
          p1[(i * 2 + j) * 3 + c] = avg;
          p2[(i * 2 + j) * 3 + c] = max;
        }
      }
    }
    float[] t = new float[2 * 2 * 6];
    for (int p = 0; p < 4; p++) {
      for (int c = 0; c < 6; c++) {
        float cat = c < 3 ? p1[p * 3 + c] + p2[p * 3 + c] : p2[p * 3 + c - 3];
        t[p * 6 + c] = (float) Math.tanh(k1[c] * cat - k2[c]);
      }
    }
    float[] pd = new float[3 * 3 * 6]; // one row on top, one column on the right, of 0.5
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < 6; c++) {
          pd[(i * 3 + j) * 6 + c] = i >= 1 && j < 2 ? t[((i - 1) * 2 + j) * 6 + c] : 0.5f;
        }
      }
    }
    float[] c2 =
        conv(pd, 3, 3, 6, w2, 2, 2, 2, 1, 1, 0, 3, 3); // explicit: 1 row after, 1 column before
    float[] expected = new float[c2.length];
    for (int i = 0; i < c2.length; i++) {
      expected[i] = (float) (1 / (1 + Math.exp(-c2[i])));
    }
    assertThat(ours).hasSize(18);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) ours[i])
          .as("output %d", i)
          .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  /** NHWC conv, kernel HWIO [kh][kw][c][o], zero padding top/left given, output size given. */
  private static float[] conv(
      float[] x,
      int h,
      int w,
      int c,
      float[] k,
      int kh,
      int kw,
      int o,
      int stride,
      int padTop,
      int padLeft,
      int outH,
      int outW) {
    float[] y = new float[outH * outW * o];
    for (int i = 0; i < outH; i++) {
      for (int j = 0; j < outW; j++) {
        for (int out = 0; out < o; out++) {
          float sum = 0;
          for (int di = 0; di < kh; di++) {
            for (int dj = 0; dj < kw; dj++) {
              int r = i * stride + di - padTop;
              int q = j * stride + dj - padLeft;
              if (r < 0 || q < 0 || r >= h || q >= w) {
                continue;
              }
              for (int ch = 0; ch < c; ch++) {
                sum += x[(r * w + q) * c + ch] * k[((di * kw + dj) * c + ch) * o + out];
              }
            }
          }
          y[(i * outW + j) * o + out] = sum;
        }
      }
    }
    return y;
  }

  @Test
  void shouldRefuseAFusedBatchNormNamingTheNode(@TempDir Path dir) throws Exception {
    TfjsGraphBuilder b =
        new TfjsGraphBuilder()
            .placeholder("x", 1, 4, 4, 2)
            .floats("w", random(2 * 3), 1, 1, 2, 3)
            .floats("b", random(3), 3)
            .op(
                "conv_bn",
                "_FusedConv2D",
                new String[] {"x", "w", "b"},
                "padding",
                "VALID",
                "fused_ops",
                new String[] {"FusedBatchNorm"});
    TfjsModelFile model = TfjsModelFile.read(b.write(dir));
    assertThatThrownBy(() -> new TfjsGraphImporter().convert(model))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("conv_bn")
        .hasMessageContaining("[FusedBatchNorm]");
  }
}
