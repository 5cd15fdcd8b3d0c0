package io.asmnet.processor.track;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.schemas.avro.FaceSource;
import java.util.List;

/**
 * The faces to run the landmark model on for one frame, and how they were found.
 *
 * @param boxes face boxes in frame pixels
 * @param source DETECTED when the detector ran on this frame, TRACKED when the boxes came from the
 *     previous frame's landmarks
 * @param detectMicros time spent in the detector (0 when it did not run)
 * @param trackMicros time spent predicting boxes from the track
 */
public record LocatedFaces(List<FaceBox> boxes, FaceSource source, long detectMicros, long trackMicros) {
  public LocatedFaces {
    boxes = List.copyOf(boxes);
  }
}
