package io.asmnet.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class AsmNetTest {

  @Test
  void shouldHaveThePublishedParameterCount() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      long trainable = 0;
      long all = 0;
      for (Pair<String, Parameter> p : net.getParameters()) {
        long size = p.getValue().getArray().size();
        all += size;
        trainable += p.getValue().requiresGradient() ? size : 0;
      }
      // 1,439,507 is the Keras count the paper reports: it includes the batch norms' moving mean
      // and variance (2 x 13,536 = 27,072 values over all BN channels), which are not trained.
      assertThat(all)
          .as("all parameters, BN running statistics included (the paper's 1,439,507)")
          .isEqualTo(1_439_507L);
      assertThat(trainable)
          .as("trainable parameters: 1,439,507 less 27,072 BN running statistics")
          .isEqualTo(1_412_435L);
    }
  }

  @Test
  void shouldFuse536FeaturesAndEmitLandmarksAndPose() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 224, 224));
      assertThat(AsmNet.backbone(net).features()).isEqualTo(536);
      NDArray input = manager.randomUniform(0f, 1f, new Shape(2, 3, 224, 224));
      NDList out = net.forward(new ParameterStore(manager, false), new NDList(input), false);
      assertThat(out).hasSize(2);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 136));
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 3));
    }
  }

  @Test
  void shouldStartTheHeadsAtTheMeanShape() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      float[] mean = new float[136];
      for (int i = 0; i < mean.length; i++) {
        mean[i] = (i % 2 == 0 ? 0.1f : -0.2f) + i / 1000f;
      }
      float[] before =
          AsmNet.landmarkHead(net).getParameters().get("weight").getArray().toFloatArray();
      AsmNet.startAtMeanShape(net, mean, 0.1f);
      assertThat(AsmNet.landmarkHead(net).getParameters().get("bias").getArray().toFloatArray())
          .containsExactly(mean);
      assertThat(AsmNet.poseHead(net).getParameters().get("bias").getArray().toFloatArray())
          .containsOnly(0f);
      float[] after =
          AsmNet.landmarkHead(net).getParameters().get("weight").getArray().toFloatArray();
      assertThat(after[5]).isCloseTo(before[5] * 0.1f, org.assertj.core.data.Offset.offset(1e-7f));
      assertThat(after[77])
          .isCloseTo(before[77] * 0.1f, org.assertj.core.data.Offset.offset(1e-7f));
    }
  }

  @Test
  void shouldRoundTripTargets() {
    float[] px = {0f, 112f, 224f, 37.5f};
    float[] deg = {-90f, 0f, 45f};
    assertThat(TargetCodec.decodeLandmarks(TargetCodec.encodeLandmarks(px)))
        .containsExactly(px, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(TargetCodec.encodeLandmarks(new float[] {112f})).containsExactly(0f);
    assertThat(TargetCodec.decodePose(TargetCodec.encodePose(deg)))
        .containsExactly(deg, org.assertj.core.data.Offset.offset(1e-4f));
  }

  @Test
  void shouldConvertBgrBytesToRgbPlanesInUnitRange() {
    byte[] crop = new byte[224 * 224 * 3];
    // pixel (row 0, col 1): B=10, G=20, R=255
    crop[3] = 10;
    crop[4] = 20;
    crop[5] = (byte) 255;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray in = InputCodec.toInput(manager, java.util.List.of(crop));
      assertThat(in.getShape()).isEqualTo(new Shape(1, 3, 224, 224));
      assertThat(in.get(0, 0, 0, 1).getFloat()).isEqualTo(1f);
      assertThat(in.get(0, 1, 0, 1).getFloat())
          .isCloseTo(20f / 255f, org.assertj.core.data.Offset.offset(1e-6f));
      assertThat(in.get(0, 2, 0, 1).getFloat())
          .isCloseTo(10f / 255f, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }
}
