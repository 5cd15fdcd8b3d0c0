package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.processor.metrics.ComponentHealth;
import io.asmnet.processor.metrics.PipelineObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link LandmarkEstimator}: {@link FaceCropper} writes each face into a slot of the
 * shared {@link DynamicBatcher}, which runs the {@link LandmarkModel} on faces from all stream
 * threads together; landmarks come back mapped from crop to frame pixels. A frame with more faces
 * than a batch holds is sent in several parts. Owns the batcher, the cropper and the model, and
 * closes them in that order.
 *
 * <p>A failed model run is the service's fault, not the frame's: the part is cropped and submitted
 * again, with growing pauses (50 ms doubling to 1 s), for up to {@code retryMillis}; then the
 * {@link BatchFailedException} goes to the caller, which leaves the frame uncommitted.
 */
public final class BatchedLandmarkEstimator implements LandmarkEstimator {
  /** Default {@code inference.retry.ms}. */
  public static final long DEFAULT_RETRY_MILLIS = 60_000;

  private static final Logger LOG = LoggerFactory.getLogger(BatchedLandmarkEstimator.class);
  private static final long FIRST_PAUSE_MS = 50;
  private static final long MAX_PAUSE_MS = 1_000;

  private final LandmarkModel model;
  private final FaceCropper cropper;
  private final DynamicBatcher batcher;
  private final long retryNanos;

  /**
   * @param maxBatch faces per model run, at most
   * @param callers threads that call {@link #estimate} concurrently (the stream threads)
   * @param maxDelayMicros how long the first face of a batch waits for more
   * @param observer told about every batch run
   */
  public BatchedLandmarkEstimator(
      LandmarkModel model,
      int maxBatch,
      int callers,
      long maxDelayMicros,
      PipelineObserver observer) {
    this(
        model,
        model::run,
        maxBatch,
        callers,
        maxDelayMicros,
        DynamicBatcher.DEFAULT_TIMEOUT_MILLIS,
        DEFAULT_RETRY_MILLIS,
        observer);
  }

  /**
   * @param runner runs the model on a batch: {@code model::run}, or a wrapper (tests inject faults)
   * @param timeoutMillis how long one caller waits for its batch ({@code inference.timeout.ms})
   * @param retryMillis how long a failing part is retried ({@code inference.retry.ms}; 0: never)
   */
  public BatchedLandmarkEstimator(
      LandmarkModel model,
      DynamicBatcher.BatchRunner runner,
      int maxBatch,
      int callers,
      long maxDelayMicros,
      long timeoutMillis,
      long retryMillis,
      PipelineObserver observer) {
    this.model = model;
    this.cropper = new FaceCropper(model.contract().cropMargin());
    this.retryNanos = TimeUnit.MILLISECONDS.toNanos(retryMillis);
    this.batcher =
        new DynamicBatcher(maxBatch, callers, maxDelayMicros, timeoutMillis, runner, observer);
  }

  @Override
  public LandmarkResults estimate(Mat bgr, List<FaceRoi> rois) throws InterruptedException {
    List<FaceLandmarks> faces = new ArrayList<>(rois.size());
    long queue = 0;
    long run = 0;
    int batchSize = 0;
    for (int from = 0; from < rois.size(); from += batcher.maxBatch()) {
      List<FaceRoi> part = rois.subList(from, Math.min(rois.size(), from + batcher.maxBatch()));
      CropGeometry[] geometry = new CropGeometry[part.size()];
      BatchSlice slice = submitRetrying(part, geometry, bgr);
      for (int i = 0; i < part.size(); i++) {
        faces.add(toFrame(slice.output(), i, geometry[i]));
      }
      queue += slice.queueMicros();
      run += slice.runMicros();
      batchSize = Math.max(batchSize, slice.batchSize());
    }
    return new LandmarkResults(faces, queue, run, batchSize);
  }

  private BatchSlice submitRetrying(List<FaceRoi> part, CropGeometry[] geometry, Mat bgr)
      throws InterruptedException {
    long deadline = System.nanoTime() + retryNanos;
    long pause = FIRST_PAUSE_MS;
    while (true) {
      try {
        return batcher.submit(
            part.size(), (i, slot) -> geometry[i] = cropper.crop(bgr, part.get(i), slot));
      } catch (BatchFailedException e) {
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) - deadline > 0) {
          throw e;
        }
        LOG.warn("landmark inference failed ({}); retrying in {} ms", e.getMessage(), pause);
        Thread.sleep(pause);
        pause = Math.min(MAX_PAUSE_MS, pause * 2);
      }
    }
  }

  @Override
  public ComponentHealth health() {
    return batcher.health();
  }

  private static FaceLandmarks toFrame(ModelOutput out, int face, CropGeometry g) {
    float[] points = new float[LandmarkModel.LANDMARK_FLOATS];
    int base = face * LandmarkModel.LANDMARK_FLOATS;
    for (int p = 0; p < points.length; p += 2) {
      float x = out.landmarks()[base + p];
      float y = out.landmarks()[base + p + 1];
      points[p] = g.toFrameX(x, y);
      points[p + 1] = g.toFrameY(x, y);
    }
    float[] pose = out.pose();
    // The model's roll is relative to its (turned) crop; the head's roll in the frame adds the
    // turn.
    float roll = (float) (pose[face * 3 + 2] + g.angleDegrees());
    return new FaceLandmarks(points, pose[face * 3], pose[face * 3 + 1], roll);
  }

  /** The device the landmark model runs on (never AUTO). */
  public io.asmnet.processor.config.InferenceDevice device() {
    return model.device();
  }

  @Override
  public String modelName() {
    return model.name();
  }

  @Override
  public String modelVersion() {
    return model.version();
  }

  @Override
  public void close() {
    batcher.close();
    cropper.close();
    model.close();
  }
}
