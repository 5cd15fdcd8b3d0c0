package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.track.FaceLocator;
import java.util.function.Supplier;

/**
 * Makes the per-task stages: decoders and face locators. {@link ProductionStages} is the real
 * one; tests pass their own. (The pipeline observer is not a stage: it is the metrics runtime's,
 * which {@link ProcessorApp} starts.)
 */
public interface StageFactory {

  /** Called once per stream task (in the task's init): each call returns a fresh decoder. */
  Supplier<FrameDecoder> decoders(ProcessorConfig config);

  /** Called once per stream task: each call returns a fresh locator with its own detector. */
  Supplier<FaceLocator> locators(ProcessorConfig config);
}
