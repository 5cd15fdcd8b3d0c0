package io.asmnet.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.asmnet.trainer.export.onnx.OnnxProto.ModelProto;
import io.asmnet.trainer.export.onnx.OnnxProto.StringStringEntryProto;
import io.asmnet.trainer.model.AsmNet;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models exported before they carried a contract get one, their graph and outputs untouched. */
class ContractStampTest {
  private static final ModelCard CARD =
      new ModelCard("asmnet-68", "old", "untrained", 0.9, Map.of());
  @TempDir static Path dir;

  /** An export with its contract removed: what a model of an older build looks like. */
  static Path old;

  @BeforeAll
  static void exportAnOldModel() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      OnnxExportTest.shrinkHeads(net, 0.02f);
      ModelProto exported = new AsmNetOnnxExporter().export(net, CARD, 0.25);
      ModelProto.Builder stripped = exported.toBuilder().clearMetadataProps();
      exported.getMetadataPropsList().stream()
          .filter(e -> !e.getKey().startsWith("asmnet."))
          .forEach(stripped::addMetadataProps);
      old = Files.write(dir.resolve("old.onnx"), stripped.build().toByteArray());
    }
  }

  @Test
  void shouldExportTheMarginTheNetworkWasTrainedWith() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block net = AsmNet.create(AsmNet.POINTS_300W);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));

      Map<String, String> props = props(new AsmNetOnnxExporter().export(net, CARD, 0.25));

      assertThat(props)
          .containsEntry(ModelContract.CROP_MARGIN_KEY, "0.25")
          .containsEntry(ModelContract.POINTS_KEY, "68");
    }
  }

  @Test
  void shouldStampTheContractLeavingGraphAndOutputsBitForBit() throws Exception {
    Path stamped = dir.resolve("stamped.onnx");

    ModelContract contract = ContractStamp.stamp(old, stamped, 0.1);

    assertThat(contract).isEqualTo(new ModelContract(224, 0.1, 68));
    ModelProto before = ModelProto.parseFrom(Files.readAllBytes(old));
    ModelProto after = ModelProto.parseFrom(Files.readAllBytes(stamped));
    assertThat(after.getGraph().toByteArray()).isEqualTo(before.getGraph().toByteArray());
    assertThat(props(after))
        .containsAllEntriesOf(props(before))
        .containsAllEntriesOf(contract.metadata());
    assertThat(outputBits(stamped)).isEqualTo(outputBits(old));
  }

  @Test
  void shouldReplaceAContractAlreadyThereWithoutDuplicatingKeys() throws Exception {
    Path once = dir.resolve("once.onnx");
    ContractStamp.stamp(old, once, 0.1);

    ContractStamp.stamp(once, once, 0.2);

    List<String> keys =
        ModelProto.parseFrom(Files.readAllBytes(once)).getMetadataPropsList().stream()
            .map(StringStringEntryProto::getKey)
            .toList();
    assertThat(keys).doesNotHaveDuplicates().contains("model_name", ModelContract.CROP_MARGIN_KEY);
    assertThat(props(ModelProto.parseFrom(Files.readAllBytes(once))))
        .containsEntry(ModelContract.CROP_MARGIN_KEY, "0.2");
  }

  @Test
  void shouldRefuseAModelThatIsNotALandmarkModel() throws Exception {
    ModelProto other =
        ModelProto.parseFrom(Files.readAllBytes(old)).toBuilder()
            .setGraph(
                ModelProto.parseFrom(Files.readAllBytes(old)).getGraph().toBuilder().clearOutput())
            .build();

    assertThatThrownBy(() -> ContractStamp.stamp(other, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no tensor 'landmarks'");
  }

  private static Map<String, String> props(ModelProto model) {
    return model.getMetadataPropsList().stream()
        .collect(
            Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
  }

  /** Both outputs on the same random batch of 3 crops, as raw float bits. */
  private static int[] outputBits(Path model) throws Exception {
    byte[] pixels = new byte[3 * 224 * 224 * 3];
    new Random(9).nextBytes(pixels);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model.toString());
        OnnxTensor input =
            OnnxTensor.createTensor(
                env,
                ByteBuffer.allocateDirect(pixels.length).put(pixels).flip(),
                new long[] {3, 224, 224, 3},
                OnnxJavaType.UINT8);
        OrtSession.Result result = session.run(Map.of(AsmNetOnnxExporter.INPUT, input))) {
      FloatBuffer landmarks =
          ((OnnxTensor) result.get(AsmNetOnnxExporter.LANDMARKS).orElseThrow()).getFloatBuffer();
      FloatBuffer pose =
          ((OnnxTensor) result.get(AsmNetOnnxExporter.POSE).orElseThrow()).getFloatBuffer();
      float[] all = new float[landmarks.remaining() + pose.remaining()];
      int n = landmarks.remaining();
      landmarks.get(all, 0, n);
      pose.get(all, n, pose.remaining());
      int[] bits = new int[all.length];
      for (int i = 0; i < all.length; i++) {
        bits[i] = Float.floatToRawIntBits(all[i]);
      }
      return bits;
    }
  }
}
