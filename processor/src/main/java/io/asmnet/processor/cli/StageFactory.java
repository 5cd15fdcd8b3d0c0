package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.processor.track.FaceLocator;
import java.util.function.Supplier;

/**
 * Makes the stages that are not this package's own: per-task decoders and face locators, and the
 * metrics observer. {@link ProductionStages} is the real one; tests pass their own.
 */
public interface StageFactory {

  /** Called once per stream task (in the task's init): each call returns a fresh decoder. */
  Supplier<FrameDecoder> decoders(ProcessorConfig config);

  /** Called once per stream task: each call returns a fresh locator with its own detector. */
  Supplier<FaceLocator> locators(ProcessorConfig config);

  /** Shared by all threads; lives as long as the application. */
  PipelineObserver observer(ProcessorConfig config);
}
