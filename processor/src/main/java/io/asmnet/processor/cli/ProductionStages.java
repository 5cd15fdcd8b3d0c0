package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.processor.track.FaceLocator;
import java.util.function.Supplier;

/**
 * The production stages, from {@link ProcessorConfig.Stages}. This is the one place that names the
 * decode/detect/track/metrics implementations.
 *
 * <p>TODO(lead): the implementations (CompositeFrameDecoder, CascadeFaceDetector +
 * TrackingFaceLocator, the Micrometer observer) are built on other branches; plug them in here:
 * {@code () -> new CompositeFrameDecoder(new DecodeLimits(s.maxPayloadBytes(), s.maxPixels()))}
 * and {@code () -> new TrackingFaceLocator(new CascadeFaceDetector(...), new TrackerConfig(...))}.
 * Until then {@code processor run} stops at start with a message saying so.
 */
public final class ProductionStages implements StageFactory {

  @Override
  public Supplier<FrameDecoder> decoders(ProcessorConfig config) {
    throw new IllegalStateException("no FrameDecoder implementation is wired into ProductionStages yet");
  }

  @Override
  public Supplier<FaceLocator> locators(ProcessorConfig config) {
    throw new IllegalStateException("no FaceLocator implementation is wired into ProductionStages yet");
  }

  @Override
  public PipelineObserver observer(ProcessorConfig config) {
    return PipelineObserver.NONE;
  }
}
