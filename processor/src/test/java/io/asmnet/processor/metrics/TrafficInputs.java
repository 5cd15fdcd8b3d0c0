package io.asmnet.processor.metrics;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.asmnet.processor.decode.AccessUnit;
import io.asmnet.processor.decode.H264AccessUnits;
import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.processor.detect.DlibExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Real frames for {@link FrameTraffic}: dlib's five test photos (about 500x400, 3 to 7 faces each)
 * as JPEG bytes, and an H.264 clip (Annex-B access units, one keyframe) panning across the photo
 * with the largest face.
 *
 * @param clip the clip's access units, the first a keyframe
 * @param photos JPEG files' bytes
 */
record TrafficInputs(List<AccessUnit> clip, List<byte[]> photos) {
  private static final int CLIP_FRAMES = 30;

  TrafficInputs {
    clip = List.copyOf(clip);
    photos = List.copyOf(photos);
  }

  /** Fetches the photos if needed (else the test is skipped); records the clip to {@code clipFile}. */
  static TrafficInputs fromDlibExamples(Path clipFile) throws Exception {
    List<DlibExamples.Photo> photos = DlibExamples.photos("faces/testing_with_face_landmarks.xml");
    List<byte[]> jpegs = new ArrayList<>();
    for (DlibExamples.Photo p : photos) {
      jpegs.add(Files.readAllBytes(p.file()));
    }
    return new TrafficInputs(H264AccessUnits.readAll(pannedClip(photos, clipFile)), jpegs);
  }

  /**
   * 640x480 pictures panning across the photo whose largest labelled face is widest relative to
   * the photo, one keyframe: the detector runs every few frames, the tracker in between.
   */
  private static Path pannedClip(List<DlibExamples.Photo> photos, Path file) throws Exception {
    DlibExamples.Photo best = photos.stream().filter(p -> !p.faces().isEmpty())
        .max(Comparator.comparingDouble(TrafficInputs::faceShare)).orElseThrow();
    try (Mat photo = imread(best.file().toString())) {
      int w = (int) (photo.cols() * 0.85);
      int h = (int) (photo.rows() * 0.85);
      int travel = photo.cols() - w;
      return SyntheticClips.record(file, "h264", 640, 480, CLIP_FRAMES, CLIP_FRAMES, i -> {
        Mat out = new Mat();
        try (Mat window = photo.apply(new Rect(travel * i / CLIP_FRAMES, (photo.rows() - h) / 2, w, h));
            Size size = new Size(640, 480)) {
          resize(window, out, size);
        }
        return out;
      });
    }
  }

  private static double faceShare(DlibExamples.Photo photo) {
    try (Mat m = imread(photo.file().toString())) {
      return photo.faces().stream().mapToDouble(f -> f.box().w()).max().orElse(0) / m.cols();
    }
  }
}
