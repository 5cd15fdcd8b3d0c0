package io.asmnet.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.config.TestConfigs;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.detect.BlazeFaceConfig;
import io.asmnet.processor.detect.Cascade;
import io.asmnet.processor.detect.DetectorConfig;
import io.asmnet.processor.ort.OrtLoadException;
import io.asmnet.processor.track.FaceLocator;
import io.asmnet.processor.track.TrackerConfig;
import io.asmnet.processor.track.TrackingFaceLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionStagesTest {
  @TempDir Path dir;

  private ProcessorConfig load(Map<String, String> sets) throws IOException {
    return TestConfigs.load(dir, sets);
  }

  @Test
  void shouldGiveTheStagesTheirOwnDefaultsWhenNothingIsSet() throws IOException {
    ProcessorConfig.StageSettings s = load(Map.of()).stages();

    assertThat(ProductionStages.decodeLimits(s)).isEqualTo(DecodeLimits.defaults());
    assertThat(ProductionStages.detectorConfig(s)).isEqualTo(DetectorConfig.defaults());
    assertThat(ProductionStages.trackerConfig(s)).isEqualTo(TrackerConfig.defaults());
  }

  @Test
  void shouldPassEverySettingToItsStage() throws IOException {
    ProcessorConfig.StageSettings s =
        load(Map.of(
                "decode.max.payload.bytes", "1000",
                "decode.max.pixels", "2000",
                "detector.cascade", "lbp_frontal_improved",
                "detector.max.faces", "3",
                "detector.min.face.px", "55",
                "detector.width", "480",
                "tracker.redetect.interval", "7"))
            .stages();

    assertThat(ProductionStages.decodeLimits(s)).isEqualTo(new DecodeLimits(1000, 2000));
    DetectorConfig d = ProductionStages.detectorConfig(s);
    assertThat(d.cascade()).isEqualTo(Cascade.LBP_FRONTAL_IMPROVED);
    assertThat(d.maxFaces()).isEqualTo(3);
    assertThat(d.minFaceSize()).isEqualTo(55);
    assertThat(d.detectionWidth()).isEqualTo(480);
    TrackerConfig t = ProductionStages.trackerConfig(s);
    assertThat(t.detectEvery()).isEqualTo(7);
    assertThat(t.maxFaces()).isEqualTo(3);
  }

  @Test
  void shouldPassTheBlazeFaceSettingsAndKeepTheCascadeUprightAndUnconfirmed() throws IOException {
    ProcessorConfig.StageSettings s =
        load(Map.of(
                "detector.min.score", "0.75",
                "detector.max.faces", "4",
                "detector.min.face.px", "48",
                "crop.upright", "false",
                "tracker.confirm", "true"))
            .stages();

    assertThat(ProductionStages.blazeFaceConfig(s))
        .isEqualTo(new BlazeFaceConfig(0.75f, 0.3, 4, 48, false));
    assertThat(ProductionStages.trackerConfig(s).upright()).isFalse();
    assertThat(ProductionStages.trackerConfig(s).confirm()).isTrue();
    ProcessorConfig.StageSettings haar = load(Map.of("detector", "haar")).stages();
    assertThat(ProductionStages.trackerConfig(haar).confirm()).isFalse();
    assertThat(ProductionStages.trackerConfig(haar).upright()).isFalse();
  }

  @Test
  void shouldOpenTheDetectorNetworksOnceAndNameABadFile() throws IOException {
    ProcessorConfig config = load(Map.of("inference.device", "cpu"));
    try (ProductionStages stages = new ProductionStages()) {
      try (FaceLocator a = stages.locators(config).get();
          FaceLocator b = stages.locators(config).get()) {
        assertThat(a).isNotSameAs(b);
      }
    }
    Path junk = Files.write(dir.resolve("not-a-model.onnx"), new byte[] {7, 7, 7});
    ProcessorConfig bad =
        load(Map.of("inference.device", "cpu", "detector.short.model", junk.toString()));
    try (ProductionStages stages = new ProductionStages()) {
      assertThatThrownBy(() -> stages.locators(bad))
          .isInstanceOf(OrtLoadException.class)
          .hasMessageContaining("not-a-model.onnx");
    }
  }

  @Test
  void shouldMakeAFreshRealDecoderAndLocatorPerCall() throws IOException {
    ProcessorConfig config =
        load(Map.of("detector", "haar", "detector.cascade", "haar_frontal_alt2"));
    ProductionStages stages = new ProductionStages();

    try (FrameDecoder a = stages.decoders(config).get();
        FrameDecoder b = stages.decoders(config).get();
        FaceLocator l = stages.locators(config).get();
        FaceLocator m = stages.locators(config).get()) {
      assertThat(a).isInstanceOf(CompositeFrameDecoder.class).isNotSameAs(b);
      assertThat(l).isInstanceOf(TrackingFaceLocator.class).isNotSameAs(m);
    }
  }
}
