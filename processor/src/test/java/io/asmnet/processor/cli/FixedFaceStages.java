package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.topology.FixedFaceDetector;
import io.asmnet.processor.track.FaceLocator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cheap stages for the app's Kafka tests: the production decoder and tracker, and a detector that
 * finds one fixed face per frame (no network to load).
 */
final class FixedFaceStages implements StageFactory {
  static final FixedFaceStages INSTANCE = new FixedFaceStages();

  private FixedFaceStages() {}

  @Override
  public Supplier<FrameDecoder> decoders(ProcessorConfig config) {
    return () -> new CompositeFrameDecoder(ProductionStages.decodeLimits(config.stages()));
  }

  @Override
  public Supplier<FaceLocator> locators(ProcessorConfig config) {
    return () ->
        new FixedFaceDetector(List.of(new FaceBox(100, 60, 100, 120, 0.9f)), null).locator();
  }
}
