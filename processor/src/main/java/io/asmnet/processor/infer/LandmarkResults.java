package io.asmnet.processor.infer;

import java.util.List;

/**
 * Landmarks for every face of one frame, in the order of the faces asked for.
 *
 * @param queueMicros time the faces waited in the dynamic batcher before their batch ran
 * @param inferMicros run time of the model on the batch they were in
 * @param batchSize size of that batch (faces, across all frames in it)
 */
public record LandmarkResults(
    List<FaceLandmarks> faces, long queueMicros, long inferMicros, int batchSize) {
  public LandmarkResults {
    faces = List.copyOf(faces);
  }
}
