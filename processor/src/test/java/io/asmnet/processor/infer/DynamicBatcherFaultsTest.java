package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What callers see when the model or the batcher's own worker fails: a failure, never an endless
 * wait, and a health that says so. The @Timeout is the "endless wait" detector, not a timing
 * assert.
 */
@Timeout(60)
class DynamicBatcherFaultsTest {
  @TempDir Path dir;
  private final ExecutorService callers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  private static DynamicBatcher.SlotWriter uniform(int v) {
    return (i, slot) -> slot.pixels().put(new Scalar(v, v, v, 0));
  }

  @Test
  void shouldFailTheBatchOnAnErrorFromTheModelAndRecoverWithTheNextGoodBatch() throws Exception {
    AtomicBoolean broken = new AtomicBoolean(true);
    try (LandmarkModel model =
            LandmarkModel.open(
                ProbeOnnxModel.write(dir.resolve("p.onnx"), "image"), InferenceDevice.CPU);
        DynamicBatcher batcher =
            new DynamicBatcher(
                2,
                1,
                0,
                10_000,
                (crops, n) -> {
                  if (broken.get()) {
                    throw new OutOfMemoryError("simulated: CUDA out of memory");
                  }
                  return model.run(crops, n);
                },
                PipelineObserver.NONE)) {
      assertThatThrownBy(() -> batcher.submit(1, uniform(3)))
          .isInstanceOf(BatchFailedException.class)
          .hasMessageContaining("CUDA out of memory");
      assertThat(batcher.health().healthy()).isFalse();
      assertThat(batcher.health().detail()).contains("CUDA out of memory");

      broken.set(false);
      BatchSlice slice = batcher.submit(1, uniform(3));

      assertThat(slice.output().pose()).hasSize(3); // the worker survived the Error
      assertThat(batcher.health().healthy()).isTrue();
    }
  }

  @Test
  void shouldFailEveryCallerAtOnceWhenTheWorkerThreadDies() throws Exception {
    // The observer runs on the worker thread after the model: an Error there kills the loop itself.
    PipelineObserver dying =
        new PipelineObserver() {
          @Override
          public void frameProcessed(PoseEvent event) {}

          @Override
          public void deadLetter(ErrorKind kind) {}

          @Override
          public void batchRun(int faces, long queueMicros, long runMicros) {
            throw new StackOverflowError("simulated worker death");
          }
        };
    try (LandmarkModel model =
            LandmarkModel.open(
                ProbeOnnxModel.write(dir.resolve("p.onnx"), "image"), InferenceDevice.CPU);
        DynamicBatcher batcher = new DynamicBatcher(2, 1, 0, 600_000, model::run, dying)) {
      batcher.submit(1, uniform(1)); // its results were delivered before the observer threw
      awaitUnhealthy(batcher);

      // With a 10-minute timeout, only the dead-worker check can end these calls within the test's.
      Future<BatchSlice> later = callers.submit(() -> batcher.submit(1, uniform(2)));
      assertThatThrownBy(() -> later.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(BatcherClosedException.class)
          .hasMessageContaining("simulated worker death");
      assertThat(batcher.health().healthy()).isFalse();
      assertThat(batcher.health().detail())
          .contains("worker thread died", "simulated worker death");
    }
  }

  @Test
  void shouldGiveUpWaitingForAStuckModelAfterTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    DynamicBatcher batcher =
        new DynamicBatcher(
            2,
            1,
            0,
            300,
            (crops, n) -> {
              release.await(); // a hung device call
              throw new IllegalStateException("released");
            },
            PipelineObserver.NONE);
    try {
      assertThatThrownBy(() -> batcher.submit(1, uniform(1)))
          .isInstanceOf(BatchFailedException.class)
          .hasMessageContaining("did not finish within 300 ms");
      assertThat(batcher.health().healthy()).isFalse();
      // A second caller's batch cannot run while the model hangs: it must not wait for ever either.
      assertThatThrownBy(() -> batcher.submit(2, uniform(1)))
          .isInstanceOf(BatchFailedException.class);
    } finally {
      release.countDown();
      batcher.close();
    }
  }

  private static void awaitUnhealthy(DynamicBatcher batcher) throws InterruptedException {
    while (batcher.health().healthy()) {
      Thread.sleep(10);
    }
  }
}
