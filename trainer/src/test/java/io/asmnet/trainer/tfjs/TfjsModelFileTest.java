package io.asmnet.trainer.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsModelFileTest {
  @Test
  void shouldDecodeFloat16Uint8AndInt32WeightsAcrossShards(@TempDir Path dir) throws Exception {
    // shard 1: two float16 (1.0, -2.5), then uint8 q = 0, 10, 255; shard 2: int32 7
    Files.write(
        dir.resolve("a.bin"), new byte[] {0x00, 0x3c, 0x00, (byte) 0xc1, 0, 10, (byte) 255});
    Files.write(dir.resolve("b.bin"), new byte[] {7, 0, 0, 0});
    Files.writeString(
        dir.resolve("model.json"),
        """
        {"format": "graph-model", "modelTopology": {}, "weightsManifest": [{"paths": ["a.bin", "b.bin"], "weights": [
          {"name": "h", "shape": [2], "dtype": "float32", "quantization": {"dtype": "float16"}},
          {"name": "q", "shape": [1, 3], "dtype": "float32", "quantization": {"dtype": "uint8", "min": -1.0, "scale": 0.1}},
          {"name": "i", "shape": [], "dtype": "int32"}]}]}
        """);
    TfjsModelFile model = TfjsModelFile.read(dir.resolve("model.json"));
    assertThat(model.format()).isEqualTo("graph-model");
    assertThat(model.weight("h").floats()).containsExactly(1.0f, -2.5f);
    assertThat(model.weight("q").shape()).containsExactly(1, 3);
    float[] q = model.weight("q").floats();
    assertThat(q[0]).isEqualTo(-1.0f);
    assertThat((double) q[1]).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat((double) q[2]).isCloseTo(24.5, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(model.weight("i").ints()).containsExactly(7);
  }

  @Test
  void shouldConvertHalfFloatsIncludingSubnormalsAndInfinity() {
    assertThat(TfjsModelFile.Half.toFloat((short) 0x7bff)).isEqualTo(65504f);
    assertThat(TfjsModelFile.Half.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(TfjsModelFile.Half.toFloat((short) 0x8000)).isEqualTo(-0.0f);
    assertThat(TfjsModelFile.Half.toFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(TfjsModelFile.Half.toFloat((short) 0x3555))
        .isCloseTo(0.33325f, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void shouldRefuseShardsThatDoNotMatchTheManifest(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a.bin"), new byte[] {0, 0, 0});
    Files.writeString(
        dir.resolve("model.json"),
        """
        {"format": "graph-model", "weightsManifest": [{"paths": ["a.bin"], "weights": [
          {"name": "w", "shape": [1], "dtype": "float32"}]}]}
        """);
    assertThatThrownBy(() -> TfjsModelFile.read(dir.resolve("model.json")))
        .hasMessageContaining("shards end inside weight w");
  }
}
