package io.asmnet.processor.track;

import io.asmnet.processor.detect.FaceDetector;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import io.asmnet.schemas.avro.FaceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the (expensive) detector only when needed and otherwise follows each face from the previous
 * frame's landmarks. The detector runs when the camera has no track, the previous frame had no
 * faces, frames were skipped (sequence gap), {@link TrackerConfig#detectEvery()} frames have
 * passed, or any face's track is unhealthy (too small, mostly outside the frame, or implausible
 * landmarks). A tracked face is centred on the {@link FaceRegion} of the previous landmarks,
 * corrected by the offset between the detector's region and that region measured on the detection
 * frame, and keeps the detection region's side (following a real zoom by at most 1 % per frame):
 * see {@link TrackedFace#next}. Each tracked {@link FaceRoi} names its track, and {@link #update}
 * continues exactly that track. Cropping from the model's own landmarks alone would let a biased
 * model (a shape too small or shifted) shrink or move the box a bit more on every tracked frame.
 * The score is the fraction of the previous landmarks that lie inside the frame.
 *
 * <p>With a {@link FaceConfirmer} (and {@link TrackerConfig#confirm()}), each predicted face is
 * checked by a cheap detector run on its region and replaced by what that run found; a face not
 * found there is lost, and the full detector runs on the frame instead. Owns the detector and the
 * confirmer. Not thread-safe: one per stream task.
 */
public final class TrackingFaceLocator implements FaceLocator {
  private static final Logger LOG = LoggerFactory.getLogger(TrackingFaceLocator.class);
  private static final double DUPLICATE_IOU = 0.5;

  private final FaceDetector detector;
  private final FaceConfirmer confirmer;
  private final TrackerConfig config;

  /** Tracking from landmarks only, without confirmation. */
  public TrackingFaceLocator(FaceDetector detector, TrackerConfig config) {
    this(detector, null, config);
  }

  /**
   * @param confirmer checks tracked faces between detections; null for none
   */
  public TrackingFaceLocator(FaceDetector detector, FaceConfirmer confirmer, TrackerConfig config) {
    this.detector = detector;
    this.confirmer = confirmer;
    this.config = config;
  }

  @Override
  public LocatedFaces locate(Mat bgr, TrackState previous, long sequence) {
    long start = System.nanoTime();
    Optional<String> reason = reasonToDetect(previous, sequence, bgr.cols(), bgr.rows());
    if (reason.isPresent()) {
      return detected(bgr, sequence, reason.get(), start, 0);
    }
    List<FaceRoi> faces = new ArrayList<>();
    for (int track = 0; track < previous.faces().size(); track++) {
      TrackedFace face = previous.faces().get(track);
      float score = TrackHealth.inside(face.landmarks(), bgr.cols(), bgr.rows());
      FaceRoi roi = face.next(previous.framesSinceDetection(), score, config.upright(), track);
      if (confirming()) {
        Optional<FaceRoi> found = confirmer.confirm(bgr, roi);
        if (found.isEmpty()) {
          long tracked = micros(start);
          return detected(
              bgr, sequence, "a tracked face was not confirmed", System.nanoTime(), tracked);
        }
        roi = found.get();
      }
      FaceRoi candidate = roi;
      // Two tracks drifting onto one face would be tracked twice until the next detection.
      if (faces.stream().noneMatch(f -> FaceRegion.overlap(f, candidate) > DUPLICATE_IOU)) {
        faces.add(candidate);
      }
    }
    return new LocatedFaces(capped(faces), FaceSource.TRACKED, 0, micros(start));
  }

  private LocatedFaces detected(
      Mat bgr, long sequence, String reason, long start, long trackMicros) {
    LOG.trace("frame {}: detecting because {}", sequence, reason);
    List<FaceRoi> faces = detector.locate(bgr);
    return new LocatedFaces(capped(faces), FaceSource.DETECTED, micros(start), trackMicros);
  }

  private boolean confirming() {
    return confirmer != null && config.confirm();
  }

  /** Why this frame needs the detector, or empty when the track can be followed. */
  Optional<String> reasonToDetect(TrackState previous, long sequence, int width, int height) {
    if (previous == null) {
      return Optional.of("the camera has no track");
    }
    if (previous.faces().isEmpty()) {
      return Optional.of("the previous frame had no faces");
    }
    if (sequence != previous.lastSequence() + 1) {
      return Optional.of(
          "frames were skipped (" + previous.lastSequence() + " -> " + sequence + ")");
    }
    if (previous.framesSinceDetection() + 1 >= config.detectEvery()) {
      return Optional.of("it is due every " + config.detectEvery() + " frames");
    }
    for (TrackedFace face : previous.faces()) {
      Optional<String> problem = TrackHealth.problem(face.landmarks(), width, height, config);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  @Override
  public TrackState update(
      TrackState previous, LocatedFaces located, List<float[]> landmarks, long sequence) {
    if (landmarks.size() != located.faces().size()) {
      throw new IllegalArgumentException(
          "got landmarks for "
              + landmarks.size()
              + " faces but "
              + located.faces().size()
              + " were located");
    }
    List<TrackedFace> faces = new ArrayList<>(landmarks.size());
    if (located.source() == FaceSource.DETECTED) {
      for (int i = 0; i < landmarks.size(); i++) {
        faces.add(TrackedFace.detected(landmarks.get(i), located.faces().get(i)));
      }
      return new TrackState(sequence, 0, faces);
    }
    if (previous == null) {
      throw new IllegalArgumentException("TRACKED faces need a previous track");
    }
    for (int i = 0; i < landmarks.size(); i++) {
      FaceRoi roi = located.faces().get(i);
      if (roi.track() >= previous.faces().size()) {
        throw new IllegalArgumentException(
            "face "
                + i
                + " names track "
                + roi.track()
                + " but the previous state has "
                + previous.faces().size());
      }
      // A confirmed face came from a detector run: anchor on it, as on a detection frame.
      faces.add(
          confirming()
              ? TrackedFace.detected(landmarks.get(i), roi)
              : previous.faces().get(roi.track()).followedTo(landmarks.get(i)));
    }
    return new TrackState(sequence, previous.framesSinceDetection() + 1, faces);
  }

  private List<FaceRoi> capped(List<FaceRoi> faces) {
    return faces.size() > config.maxFaces() ? faces.subList(0, config.maxFaces()) : faces;
  }

  private static long micros(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000;
  }

  @Override
  public void close() {
    detector.close();
    if (confirmer != null) {
      confirmer.close();
    }
  }
}
