package io.asmnet.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.asmnet.trainer.export.onnx.OnnxProto.ModelProto;
import io.asmnet.trainer.model.AsmNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExportTest {
  private static final ModelCard CARD =
      new ModelCard("asmnet-68", "test", "untrained", 0.9, Map.of("nme_test", "12.5"));

  /** Non-trivial batch-norm statistics, so that their export is checked too. */
  static void randomiseBatchNorms(Block net, Random rng) {
    for (Pair<String, Parameter> p : net.getParameters()) {
      String name = p.getKey();
      NDArray a = p.getValue().getArray();
      float[] v = new float[(int) a.size()];
      if (name.endsWith("gamma") || name.endsWith("runningVar")) {
        for (int i = 0; i < v.length; i++) {
          v[i] = 0.5f + rng.nextFloat();
        }
      } else if (name.endsWith("beta") || name.endsWith("runningMean")) {
        for (int i = 0; i < v.length; i++) {
          v[i] = 0.2f * (rng.nextFloat() - 0.5f);
        }
      } else {
        continue;
      }
      a.set(v);
    }
  }

  /**
   * Scales the dense heads down to the output range of a trained model (|y| < 1, i.e. inside the
   * crop): the untrained heads give thousands of pixels, where float32 rounding alone (about 4e-6
   * relative) exceeds any absolute tolerance.
   */
  static void shrinkHeads(Block net, float factor) {
    for (var head : java.util.List.of(AsmNet.landmarkHead(net), AsmNet.poseHead(net))) {
      NDArray w = head.getParameters().get("weight").getArray();
      w.set(w.mul(factor).toFloatArray());
    }
  }

  @Test
  void shouldAgreeWithDjlOnRandomImagesAtBatchOneAndSeven() throws Exception {
    Random rng = new Random(11);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      randomiseBatchNorms(net, rng);
      shrinkHeads(net, 0.02f);
      byte[] onnx = new AsmNetOnnxExporter().export(net, CARD).toByteArray();
      try (OnnxParity parity = new OnnxParity(onnx)) {
        for (int batch : new int[] {1, 7}) {
          double[] diff = parity.maxDifference(manager, net, batch, rng);
          assertThat(diff[0]).as("landmarks, px / 224, batch %d", batch).isLessThan(1e-4);
          assertThat(diff[1]).as("pose, degrees / 90, batch %d", batch).isLessThan(1e-4);
        }
      }
    }
  }

  @Test
  void shouldDeclareTheProcessorInterfaceAndMetadata(@TempDir Path dir) throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      Path file = dir.resolve("m.onnx");
      long size = new AsmNetOnnxExporter().write(net, CARD, file);
      assertThat(Files.size(file)).isEqualTo(size);
      ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
      assertThat(model.getIrVersion()).isEqualTo(8);
      assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(17);
      Map<String, String> props =
          model.getMetadataPropsList().stream()
              .collect(Collectors.toMap(e -> e.getKey(), e -> e.getValue()));
      assertThat(props)
          .containsEntry("model_name", "asmnet-68")
          .containsEntry("pca_variance_kept", "0.9")
          .containsEntry("eval.nme_test", "12.5")
          // the crop contract the processor reads: SampleMaker's default margin, 224 px, 68 points
          .containsEntry(ModelContract.VERSION_KEY, "1")
          .containsEntry(ModelContract.CROP_MARGIN_KEY, "0.1")
          .containsEntry(ModelContract.CROP_SIZE_KEY, "224")
          .containsEntry(ModelContract.POINTS_KEY, "68")
          .containsEntry(ModelContract.INPUT_LAYOUT_KEY, "NHWC uint8 BGR 0-255")
          .containsEntry(ModelContract.PIXEL_CENTRE_KEY, "integer");
      try (OnnxParity parity = new OnnxParity(Files.readAllBytes(file))) {
        var inputs = parity.session().getInputInfo();
        assertThat(inputs).containsOnlyKeys("image");
        assertThat(inputs.get("image").getInfo().toString())
            .contains("UINT8")
            .contains("shape=[-1, 224, 224, 3]");
        var outputs = parity.session().getOutputInfo();
        assertThat(outputs.get("landmarks").getInfo().toString())
            .contains("FLOAT")
            .contains("shape=[-1, 68, 2]");
        assertThat(outputs.get("pose").getInfo().toString())
            .contains("FLOAT")
            .contains("shape=[-1, 3]");
      }
    }
  }
}
