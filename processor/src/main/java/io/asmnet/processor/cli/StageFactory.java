package io.asmnet.processor.cli;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.track.FaceLocator;
import java.util.function.Supplier;

/**
 * Makes the per-task stages: decoders and face locators. {@link ProductionStages} is the real one;
 * tests pass their own. (The pipeline observer is not a stage: it is the metrics runtime's, which
 * {@link ProcessorApp} starts.)
 */
public interface StageFactory extends AutoCloseable {

  /** Called once per stream task (in the task's init): each call returns a fresh decoder. */
  Supplier<FrameDecoder> decoders(ProcessorConfig config);

  /**
   * Called once, at start, on the starting thread (so a model that cannot be loaded stops the
   * start): each call of the supplier, once per stream task, returns a fresh locator with its own
   * detector. Networks shared by all tasks are opened here and closed by {@link #close}.
   *
   * @param config with {@code inference.device} resolved to the landmark model's device
   */
  Supplier<FaceLocator> locators(ProcessorConfig config);

  /** Releases what {@link #locators} opened for all tasks; called once, after Streams stopped. */
  @Override
  default void close() {}
}
