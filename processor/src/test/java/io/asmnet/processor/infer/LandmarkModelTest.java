package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.asmnet.processor.config.InferenceDevice;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandmarkModelTest {
  @TempDir Path dir;

  /** n crops, crop i filled with the bytes (i*10+1, i*10+2, i*10+3) per pixel (B, G, R). */
  static ByteBuffer uniformCrops(int n) {
    ByteBuffer buf = ByteBuffer.allocateDirect(n * LandmarkModel.CROP_BYTES);
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < LandmarkModel.SIZE * LandmarkModel.SIZE; p++) {
        buf.put((byte) (i * 10 + 1)).put((byte) (i * 10 + 2)).put((byte) (i * 10 + 3));
      }
    }
    return buf.flip();
  }

  @Test
  void shouldRunEachCropOfABatchOnItsOwnPixels() throws Exception {
    Path probe = ProbeOnnxModel.write(dir.resolve("probe.onnx"), "image");
    try (LandmarkModel model = LandmarkModel.open(probe, InferenceDevice.CPU)) {
      ModelOutput out = model.run(uniformCrops(3), 3);

      assertThat(out.pose())
          .containsExactly(new float[] {1, 2, 3, 11, 12, 13, 21, 22, 23}, within(1e-4f));
      assertThat(out.landmarks()[0]).isCloseTo(2f, within(1e-4f));
      assertThat(out.landmarks()[2 * 136 + 135]).isCloseTo(22f, within(1e-4f));
      assertThat(model.name()).isEqualTo("probe");
      assertThat(model.version()).isEqualTo("0-test");
    }
  }

  @Test
  void shouldRejectAModelWithTheWrongInputName() throws Exception {
    Path wrong = ProbeOnnxModel.write(dir.resolve("wrong.onnx"), "pixels");

    assertThatThrownBy(() -> LandmarkModel.open(wrong, InferenceDevice.CPU))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("has no tensor 'image'")
        .hasMessageContaining("expected image UINT8 [N,224,224,3]");
  }

  @Test
  void shouldSayWhenTheFileIsNotAModel() throws Exception {
    Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {1, 2, 3, 4});

    assertThatThrownBy(() -> LandmarkModel.open(junk, InferenceDevice.CPU))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("cannot load landmark model")
        .hasMessageContaining("junk.onnx");
  }

  @Test
  void shouldFallBackToCpuOrUseCudaOnAuto() throws Exception {
    Path probe = ProbeOnnxModel.write(dir.resolve("probe.onnx"), "image");
    try (LandmarkModel model = LandmarkModel.open(probe, InferenceDevice.AUTO)) {
      assertThat(model.device()).isIn(InferenceDevice.CPU, InferenceDevice.CUDA);
      assertThat(model.run(uniformCrops(1), 1).pose())
          .containsExactly(new float[] {1, 2, 3}, within(1e-4f));
    }
  }

  @Test
  void shouldFailClearlyWhenCudaIsForcedWithoutAGpu() throws Exception {
    assumeFalse(Files.exists(Path.of("/dev/nvidia0")), "this machine has a GPU");
    Path probe = ProbeOnnxModel.write(dir.resolve("probe.onnx"), "image");

    assertThatThrownBy(() -> LandmarkModel.open(probe, InferenceDevice.CUDA))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("inference.device=cuda but CUDA is unavailable")
        .hasMessageContaining("use inference.device=auto or cpu");
  }

  @Test
  void shouldLoadTheRealModelAndAnswerInRange() throws Exception {
    try (LandmarkModel model = LandmarkModel.open(TestModels.require(), InferenceDevice.CPU)) {
      ModelOutput out = model.run(uniformCrops(2), 2);

      assertThat(out.landmarks()).hasSize(2 * 136).doesNotContain(Float.NaN);
      assertThat(out.pose()).hasSize(6).doesNotContain(Float.NaN);
    }
  }

  @Test
  void shouldTakeTheCropMarginFromTheModel() throws Exception {
    Path wide =
        ProbeOnnxModel.write(dir.resolve("wide.onnx"), "image", ProbeOnnxModel.contract(0.25));
    try (LandmarkModel model = LandmarkModel.open(wide, InferenceDevice.CPU)) {
      assertThat(model.contract()).isEqualTo(new ModelContract(224, 0.25, 68));
    }
  }

  @Test
  void shouldRefuseAModelWithoutTheContractNamingTheFileAndTheMissingKeys() throws Exception {
    Map<String, String> partial = new LinkedHashMap<>(ProbeOnnxModel.contract(0.1));
    partial.remove("asmnet.crop.margin");
    partial.remove("asmnet.pixel.centre");
    Path old = ProbeOnnxModel.write(dir.resolve("old.onnx"), "image", partial);
    Path bare = ProbeOnnxModel.write(dir.resolve("bare.onnx"), "image", Map.of());

    assertThatThrownBy(() -> LandmarkModel.open(old, InferenceDevice.CPU))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("old.onnx")
        .hasMessageContaining("carries no crop contract")
        .hasMessageContaining("[asmnet.crop.margin, asmnet.pixel.centre]")
        .hasMessageNotContaining("asmnet.points");
    assertThatThrownBy(() -> LandmarkModel.open(bare, InferenceDevice.CPU))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("bare.onnx")
        .hasMessageContaining("asmnet.contract.version")
        .hasMessageContaining("asmnet.crop.margin")
        .hasMessageContaining("stamp-contract");
  }

  @Test
  void shouldRefuseAContractThisProcessorCannotServe() throws Exception {
    Map<String, String> rgb = new LinkedHashMap<>(ProbeOnnxModel.contract(0.1));
    rgb.put("asmnet.input.layout", "NCHW float RGB 0-1");
    Map<String, String> small = new LinkedHashMap<>(ProbeOnnxModel.contract(0.1));
    small.put("asmnet.crop.size", "112");
    Map<String, String> negative = new LinkedHashMap<>(ProbeOnnxModel.contract(0.1));
    negative.put("asmnet.crop.margin", "-0.1");

    assertThatThrownBy(
            () ->
                LandmarkModel.open(
                    ProbeOnnxModel.write(dir.resolve("rgb.onnx"), "image", rgb),
                    InferenceDevice.CPU))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("asmnet.input.layout='NCHW float RGB 0-1'");
    assertThatThrownBy(
            () ->
                LandmarkModel.open(
                    ProbeOnnxModel.write(dir.resolve("small.onnx"), "image", small),
                    InferenceDevice.CPU))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("crops of 112 px");
    assertThatThrownBy(
            () ->
                LandmarkModel.open(
                    ProbeOnnxModel.write(dir.resolve("neg.onnx"), "image", negative),
                    InferenceDevice.CPU))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("crop margin must be finite and >= 0");
  }
}
