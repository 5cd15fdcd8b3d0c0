package io.asmnet.processor.track;

import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.schemas.avro.FaceSource;
import java.util.List;

/**
 * The faces to run the landmark model on for one frame, and how they were found.
 *
 * @param faces where each face is, in frame pixels; on a TRACKED frame each names its track
 * @param source DETECTED when the detector ran on this frame, TRACKED when the faces came from the
 *     previous frame's landmarks
 * @param detectMicros time spent in the detector (0 when it did not run)
 * @param trackMicros time spent predicting faces from the track
 */
public record LocatedFaces(
    List<FaceRoi> faces, FaceSource source, long detectMicros, long trackMicros) {
  public LocatedFaces {
    faces = List.copyOf(faces);
    if (source == FaceSource.TRACKED && faces.stream().anyMatch(f -> !f.hasTrack())) {
      throw new IllegalArgumentException("every TRACKED face must name the track it came from");
    }
  }
}
