package io.asmnet.processor.topology;

import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.infer.LandmarkEstimator;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.processor.track.FaceLocator;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the topology runs. Decoders and locators are per task (native state, one thread), so they
 * come from factories called in each task's {@code init}; the estimator is shared by all threads.
 *
 * @param clock wall clock for processedTimeMs and failedTimeMs (durations use System.nanoTime)
 */
public record Stages(
    Supplier<FrameDecoder> decoders,
    Supplier<FaceLocator> locators,
    LandmarkEstimator estimator,
    PipelineObserver observer,
    Clock clock) {
  public Stages {
    Objects.requireNonNull(decoders, "decoders");
    Objects.requireNonNull(locators, "locators");
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(clock, "clock");
  }
}
