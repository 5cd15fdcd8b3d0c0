package io.asmnet.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.tfjs.FaceCrop;
import io.asmnet.trainer.tfjs.TfjsModelFile;
import io.asmnet.trainer.tfjs.TfjsModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Keras' ImageNet MobileNetV2 (nsfwjs' uint8 copy) loaded into our backbone, checked against Keras'
 * arithmetic computed here by hand from the raw Keras weights: HWIO kernels, batch norm with Keras'
 * epsilon 1e-3.
 */
class KerasMobileNetV2InitTest {
  private static TfjsModelFile keras;

  @BeforeAll
  static void read() throws Exception {
    keras = TfjsModelFile.read(TfjsModels.mobileNetV2());
  }

  private static Block freshNet(NDManager manager) {
    Engine.getInstance().setRandomSeed(3);
    Block net = AsmNet.create(AsmNet.POINTS_300W);
    net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
    return net;
  }

  @Test
  void shouldSetEveryBackboneParameterUpToBlock15() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = freshNet(manager);
      MultiDepthBackbone backbone = AsmNet.backbone(net);
      Map<String, float[]> before = new LinkedHashMap<>();
      for (Pair<String, Parameter> p : backbone.getParameters()) {
        before.put(p.getKey(), p.getValue().getArray().toFloatArray());
      }

      int set = KerasMobileNetV2Init.apply(keras, backbone);

      assertThat(set).isEqualTo(before.size()).isEqualTo(5 * (1 + 2 + 15 * 3));
      assertThat(KerasMobileNetV2Init.kerasNames(backbone))
          .endsWith("block_15_depthwise", "block_15_project");
      for (Pair<String, Parameter> p : backbone.getParameters()) {
        assertThat(p.getValue().getArray().toFloatArray())
            .as(p.getKey())
            .isNotEqualTo(before.get(p.getKey()));
      }
      // away from the stem, gamma/beta are Keras' own numbers
      ConvBnAct project = backbone.blocks().get(15).layers().get(2);
      assertThat(project.norm().getParameters().get("gamma").getArray().toFloatArray())
          .containsExactly(keras.weight("block_15_project_BN/gamma").requireFloats());
    }
  }

  @Test
  void stemShouldComputeKerasConv1BnRelu6AwayFromThePadding() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MultiDepthBackbone backbone = AsmNet.backbone(freshNet(manager));
      KerasMobileNetV2Init.apply(keras, backbone);
      int size = 32;
      float[] x = new float[3 * size * size];
      Random rng = new Random(11);
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextFloat();
      }
      NDArray input = manager.create(x, new Shape(1, 3, size, size));
      float[] ours =
          backbone
              .stem()
              .forward(new ParameterStore(manager, false), new NDList(input), false)
              .singletonOrThrow()
              .toFloatArray();

      float[] w = keras.weight("Conv1/kernel").requireFloats(); // [3][3][3][32]
      int out = size / 2;
      double worst = 0;
      for (int o = 0; o < 32; o++) {
        for (int i = 1; i < out; i++) {
          for (int j = 1; j < out; j++) {
            double z = 0;
            for (int ky = 0; ky < 3; ky++) {
              for (int kx = 0; kx < 3; kx++) {
                for (int c = 0; c < 3; c++) {
                  // Output (i, j) reads rows 2i-1..2i+1 (our symmetric padding; Keras' reads
                  // 2i..2i+2).
                  double v = x[(c * size + 2 * i - 1 + ky) * size + 2 * j - 1 + kx];
                  z += w[((ky * 3 + kx) * 3 + c) * 32 + o] * v;
                }
              }
            }
            double y = Math.min(6, Math.max(0, kerasBn("bn_Conv1", o, z)));
            worst = Math.max(worst, Math.abs(y - ours[(o * out + i) * out + j]));
          }
        }
      }
      assertThat(worst).isLessThan(1e-4);
    }
  }

  @Test
  void firstBlockShouldComputeKerasExpandedConvEverywhere() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MultiDepthBackbone backbone = AsmNet.backbone(freshNet(manager));
      KerasMobileNetV2Init.apply(keras, backbone);
      int size = 8;
      float[] s = new float[32 * size * size];
      Random rng = new Random(5);
      for (int i = 0; i < s.length; i++) {
        s[i] = 6 * rng.nextFloat(); // a ReLU6 output
      }
      NDArray input = manager.create(s, new Shape(1, 32, size, size));
      float[] ours =
          backbone
              .blocks()
              .get(0)
              .forward(new ParameterStore(manager, false), new NDList(input), false)
              .singletonOrThrow()
              .toFloatArray();

      float[] dk =
          keras.weight("expanded_conv_depthwise/depthwise_kernel").requireFloats(); // [3][3][32][1]
      float[] pk = keras.weight("expanded_conv_project/kernel").requireFloats(); // [1][1][32][16]
      double[] d = new double[32 * size * size];
      for (int c = 0; c < 32; c++) {
        for (int i = 0; i < size; i++) {
          for (int j = 0; j < size; j++) {
            double z = 0;
            for (int ky = 0; ky < 3; ky++) {
              for (int kx = 0; kx < 3; kx++) {
                int r = i - 1 + ky;
                int q = j - 1 + kx;
                if (r >= 0 && q >= 0 && r < size
                    && q < size) { // 'same' for 3x3 stride 1: 1 zero each side
                  z += dk[(ky * 3 + kx) * 32 + c] * s[(c * size + r) * size + q];
                }
              }
            }
            d[(c * size + i) * size + j] =
                Math.min(6, Math.max(0, kerasBn("expanded_conv_depthwise_BN", c, z)));
          }
        }
      }
      double worst = 0;
      for (int o = 0; o < 16; o++) {
        for (int p = 0; p < size * size; p++) {
          double z = 0;
          for (int c = 0; c < 32; c++) {
            z += pk[c * 16 + o] * d[c * size * size + p];
          }
          worst =
              Math.max(
                  worst,
                  Math.abs(kerasBn("expanded_conv_project_BN", o, z) - ours[o * size * size + p]));
        }
      }
      assertThat(worst).isLessThan(1e-4);
    }
  }

  /**
   * The input range the stored statistics were measured with: the stem conv's per-channel mean on
   * real photos, as [0, 1] and as [-1, 1] input, against bn_Conv1's moving mean.
   */
  @Test
  void storedStemStatisticsShouldBeThoseOfZeroToOneInputs() throws Exception {
    List<LabelledFace> faces = TfjsModels.dlibHeldOutFaces();
    try (NDManager manager = NDManager.newBaseManager()) {
      MultiDepthBackbone backbone = AsmNet.backbone(freshNet(manager));
      KerasMobileNetV2Init.apply(keras, backbone);
      float[] movingMean = keras.weight("bn_Conv1/moving_mean").requireFloats();
      double[] rms = new double[2];
      for (int range = 0; range < 2; range++) {
        double[] sum = new double[32];
        java.util.Set<java.nio.file.Path> photos = new java.util.LinkedHashSet<>();
        faces.forEach(f -> photos.add(f.image()));
        for (java.nio.file.Path file : photos) {
          DecodedImage photo = ImageCache.decode(file);
          FaceCrop crop =
              FaceCrop.of(
                  photo,
                  photo.width() / 2.0,
                  photo.height() / 2.0,
                  Math.min(photo.width(), photo.height()),
                  224,
                  range == 0 ? 0 : -1,
                  1);
          NDArray x = manager.create(crop.nhwc(), new Shape(1, 224, 224, 3)).transpose(0, 3, 1, 2);
          NDArray z =
              backbone
                  .stem()
                  .conv()
                  .forward(new ParameterStore(manager, false), new NDList(x), false)
                  .singletonOrThrow();
          float[] means = z.reshape(32, -1).mean(new int[] {1}).toFloatArray();
          for (int c = 0; c < 32; c++) {
            sum[c] += means[c] / photos.size();
          }
        }
        double sq = 0;
        for (int c = 0; c < 32; c++) {
          sq += (sum[c] - movingMean[c]) * (sum[c] - movingMean[c]);
        }
        rms[range] = Math.sqrt(sq / 32);
      }
      LoggerFactory.getLogger(KerasMobileNetV2InitTest.class)
          .info(
              "stem pre-BN channel means vs bn_Conv1 moving mean, rms difference: input [0,1] {}, input [-1,1] {}",
              rms[0],
              rms[1]);
      assertThat(rms[0]).isLessThan(rms[1] / 2);
    }
  }

  private static double kerasBn(String layer, int c, double z) {
    double gamma = keras.weight(layer + "/gamma").requireFloats()[c];
    double beta = keras.weight(layer + "/beta").requireFloats()[c];
    double mean = keras.weight(layer + "/moving_mean").requireFloats()[c];
    double var = keras.weight(layer + "/moving_variance").requireFloats()[c];
    return gamma * (z - mean) / Math.sqrt(var + KerasMobileNetV2Init.KERAS_BN_EPSILON) + beta;
  }
}
