package io.asmnet.processor.infer;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.metrics.PipelineObserver;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The production {@link LandmarkEstimator}: {@link FaceCropper} writes each face into a slot of
 * the shared {@link DynamicBatcher}, which runs the {@link LandmarkModel} on faces from all
 * stream threads together; landmarks come back mapped from crop to frame pixels. A frame with
 * more faces than a batch holds is sent in several parts. Owns the batcher, the cropper and the
 * model, and closes them in that order.
 */
public final class BatchedLandmarkEstimator implements LandmarkEstimator {
  private final LandmarkModel model;
  private final FaceCropper cropper = new FaceCropper();
  private final DynamicBatcher batcher;

  /**
   * @param maxBatch faces per model run, at most
   * @param callers threads that call {@link #estimate} concurrently (the stream threads)
   * @param maxDelayMicros how long the first face of a batch waits for more
   * @param observer told about every batch run
   */
  public BatchedLandmarkEstimator(
      LandmarkModel model, int maxBatch, int callers, long maxDelayMicros, PipelineObserver observer) {
    this.model = model;
    this.batcher = new DynamicBatcher(maxBatch, callers, maxDelayMicros, model::run, observer);
  }

  @Override
  public LandmarkResults estimate(Mat bgr, List<FaceBox> boxes) throws InterruptedException {
    List<FaceLandmarks> faces = new ArrayList<>(boxes.size());
    long queue = 0;
    long run = 0;
    int batchSize = 0;
    for (int from = 0; from < boxes.size(); from += batcher.maxBatch()) {
      List<FaceBox> part = boxes.subList(from, Math.min(boxes.size(), from + batcher.maxBatch()));
      CropGeometry[] geometry = new CropGeometry[part.size()];
      BatchSlice slice = batcher.submit(part.size(), (i, slot) -> geometry[i] = cropper.crop(bgr, part.get(i), slot));
      for (int i = 0; i < part.size(); i++) {
        faces.add(toFrame(slice.output(), i, geometry[i]));
      }
      queue += slice.queueMicros();
      run += slice.runMicros();
      batchSize = Math.max(batchSize, slice.batchSize());
    }
    return new LandmarkResults(faces, queue, run, batchSize);
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
    // The model's roll is relative to its (turned) crop; the head's roll in the frame adds the turn.
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
