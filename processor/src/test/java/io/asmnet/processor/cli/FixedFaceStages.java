package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.topology.FixedFaceLocator;
import io.asmnet.processor.topology.ImdecodeFrameDecoder;
import io.asmnet.processor.track.FaceLocator;
import java.util.List;
import java.util.function.Supplier;

/** Cheap stages for the app's Kafka tests: still decoding, and one fixed face per frame (no detector). */
final class FixedFaceStages implements StageFactory {
  static final FixedFaceStages INSTANCE = new FixedFaceStages();

  private FixedFaceStages() {}

  @Override
  public Supplier<FrameDecoder> decoders(ProcessorConfig config) {
    return ImdecodeFrameDecoder::new;
  }

  @Override
  public Supplier<FaceLocator> locators(ProcessorConfig config) {
    return () -> new FixedFaceLocator(List.of(new FaceBox(100, 60, 100, 120, 0.9f)), null);
  }
}
