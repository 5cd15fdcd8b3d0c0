package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.PoseEvent;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DynamicBatcherTest {
  @TempDir Path dir;
  private final ExecutorService callers = Executors.newFixedThreadPool(4);
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private final PipelineObserver observer =
      new PipelineObserver() {
        @Override
        public void frameProcessed(PoseEvent event) {}

        @Override
        public void deadLetter(ErrorKind kind) {}

        @Override
        public void batchRun(int faces, long queueMicros, long runMicros) {
          batchSizes.add(faces);
        }
      };

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  private static DynamicBatcher.SlotWriter uniform(int b, int g, int r) {
    return (i, slot) -> slot.pixels().put(new Scalar(b, g, r, 0));
  }

  @Test
  void shouldBatchConcurrentCallersAndGiveEachItsOwnResults() throws Exception {
    try (LandmarkModel model =
            LandmarkModel.open(
                ProbeOnnxModel.write(dir.resolve("p.onnx"), "image"), InferenceDevice.CPU);
        DynamicBatcher batcher = new DynamicBatcher(4, 4, 1_000_000, model::run, observer)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            callers.submit(
                () -> {
                  for (int k = 0; k < 5; k++) {
                    int colour = thread * 50 + k * 7;
                    BatchSlice slice = batcher.submit(1, uniform(colour, colour + 1, colour + 2));
                    assertThat(slice.output().pose())
                        .containsExactly(
                            new float[] {colour, colour + 1, colour + 2}, within(1e-4f));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }

    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    assertThat(batchSizes).anySatisfy(n -> assertThat(n).isGreaterThan(1));
  }

  @Test
  void shouldMatchTheRealModelRunOnEachCropAlone() throws Exception {
    int faces = 12;
    byte[][] crops = new byte[faces][LandmarkModel.CROP_BYTES];
    Random random = new Random(42);
    for (byte[] crop : crops) {
      random.nextBytes(crop);
    }
    try (LandmarkModel model = LandmarkModel.open(TestModels.require(), InferenceDevice.CPU);
        DynamicBatcher batcher = new DynamicBatcher(4, 4, 1_000_000, model::run, observer)) {
      List<Future<BatchSlice>> slices = new ArrayList<>();
      for (int i = 0; i < faces; i++) {
        byte[] crop = crops[i];
        slices.add(
            callers.submit(() -> batcher.submit(1, (k, slot) -> slot.pixels().data().put(crop))));
      }
      for (int i = 0; i < faces; i++) {
        ModelOutput alone =
            model.run(ByteBuffer.allocateDirect(crops[i].length).put(crops[i]).flip(), 1);
        ModelOutput batched = slices.get(i).get().output();
        assertThat(batched.landmarks()).containsExactly(alone.landmarks(), within(1e-4f));
        assertThat(batched.pose()).containsExactly(alone.pose(), within(1e-4f));
      }
    }
    assertThat(batchSizes).anySatisfy(n -> assertThat(n).isGreaterThan(1));
  }

  @Test
  void shouldRunALoneCallerOnceTheDelayHasPassed() throws Exception {
    try (LandmarkModel model =
            LandmarkModel.open(
                ProbeOnnxModel.write(dir.resolve("p.onnx"), "image"), InferenceDevice.CPU);
        DynamicBatcher batcher = new DynamicBatcher(16, 2, 2000, model::run, observer)) {
      BatchSlice slice = batcher.submit(2, uniform(5, 6, 7));

      assertThat(slice.batchSize()).isEqualTo(2);
      assertThat(slice.output().pose())
          .containsExactly(new float[] {5, 6, 7, 5, 6, 7}, within(1e-4f));
    }
  }

  @Test
  void shouldReleaseWaitingCallersWithAnExceptionOnClose() throws Exception {
    DynamicBatcher batcher =
        new DynamicBatcher(
            4,
            2,
            60_000_000,
            (crops, n) -> {
              throw new AssertionError("a batch must not run before the delay");
            },
            observer);
    CountDownLatch reserved = new CountDownLatch(1);
    Future<BatchSlice> waiting =
        callers.submit(() -> batcher.submit(1, (i, slot) -> reserved.countDown()));
    reserved.await(); // the caller holds a slot and is about to wait for its batch

    batcher.close();

    assertThatThrownBy(waiting::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(BatcherClosedException.class);
    assertThatThrownBy(() -> batcher.submit(1, uniform(1, 1, 1)))
        .isInstanceOf(BatcherClosedException.class);
  }

  @Test
  void shouldFailEveryCallerOfAFailedBatch() throws Exception {
    try (DynamicBatcher batcher =
        new DynamicBatcher(
            2,
            1,
            0,
            (crops, n) -> {
              throw new IllegalStateException("boom");
            },
            observer)) {
      assertThatThrownBy(() -> batcher.submit(1, uniform(1, 1, 1)))
          .isInstanceOf(BatchFailedException.class)
          .hasMessageContaining("boom");
    }
  }

  @Test
  void shouldRunAtOnceWhenEveryCallerIsInTheBatch() throws Exception {
    // One possible caller and an hour of allowed delay: the batch cannot grow, so it must run now.
    try (LandmarkModel model =
            LandmarkModel.open(
                ProbeOnnxModel.write(dir.resolve("p.onnx"), "image"), InferenceDevice.CPU);
        DynamicBatcher batcher = new DynamicBatcher(16, 1, 3_600_000_000L, model::run, observer)) {
      Future<BatchSlice> slice = callers.submit(() -> batcher.submit(3, uniform(9, 8, 7)));

      assertThat(slice.get(60, TimeUnit.SECONDS).batchSize()).isEqualTo(3);
    }
  }
}
