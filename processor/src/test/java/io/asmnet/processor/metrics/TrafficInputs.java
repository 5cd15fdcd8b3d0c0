package io.asmnet.processor.metrics;

import io.asmnet.processor.decode.ClipUnit;
import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.processor.detect.DlibExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real frames for {@link FrameTraffic}: dlib's five test photos (about 500x400, 3 to 7 faces each)
 * as JPEG bytes, and an H.264 clip (Annex-B access units, one keyframe) panning across the photo
 * with the largest face.
 *
 * @param clip the clip's access units, the first a keyframe
 * @param photos JPEG files' bytes
 */
record TrafficInputs(List<ClipUnit> clip, List<byte[]> photos) {
  private static final int CLIP_FRAMES = 30;

  TrafficInputs {
    clip = List.copyOf(clip);
    photos = List.copyOf(photos);
  }

  /**
   * Fetches the photos if needed (else the test is skipped); records the clip to {@code clipFile}.
   */
  static TrafficInputs fromDlibExamples(Path clipFile) throws Exception {
    List<DlibExamples.Photo> photos = DlibExamples.photos("faces/testing_with_face_landmarks.xml");
    List<byte[]> jpegs = new ArrayList<>();
    for (DlibExamples.Photo p : photos) {
      jpegs.add(Files.readAllBytes(p.file()));
    }
    return new TrafficInputs(
        SyntheticClips.units(DlibExamples.panningClip(photos, clipFile, CLIP_FRAMES)), jpegs);
  }
}
