package io.asmnet.cli.replay;

import io.asmnet.cli.clip.TruthFace;
import io.asmnet.cli.clip.TruthFrame;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.trainer.eval.Nme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a replay: compares the pose events a processor emitted for a clip with the clip's ground
 * truth. The façade of this package: feed it a {@link ReplayInput} (plain lists and maps, no
 * Kafka), get a {@link ReplayReport} to print ({@link ReplayReport#table()}), save ({@link
 * ReplayReport#toJson()}) or plot ({@link ReplayReport#writePlot}).
 *
 * <p>Rules: the first event of each clip sequence is scored, later ones are counted as duplicates;
 * faces are paired by {@link FaceMatcher} (IoU &gt; 0.3 with the true landmark box or NME &lt;
 * 0.5); accuracy counts only true faces wholly inside the frame, in frames that got an event
 * (frames that got none are reported as missing, not as misses of the detector). NME uses the
 * outer-eye-corner distance (points 36, 45); roll error is against the exact roll, yaw and pitch
 * errors against the photo's label pose; angle errors wrap at 180 degrees. Latency: see {@link
 * Speed}. Stateless and thread-safe.
 */
public final class ReplayScorer {

  /** Scores one replay. */
  public ReplayReport score(ReplayInput input) {
    Map<Long, PoseEvent> firstBySequence = new HashMap<>();
    int duplicates = 0;
    int unexpected = 0;
    for (PoseEvent event : input.events()) {
      if (input.truth().frame(event.getSequence()) == null) {
        unexpected++;
      } else if (firstBySequence.putIfAbsent(event.getSequence(), event) != null) {
        duplicates++;
      }
    }
    Tally tally = new Tally();
    for (TruthFrame frame : input.truth().frames()) {
      PoseEvent event = firstBySequence.get(frame.sequence());
      tally.frame(frame, event, event == null ? null : latency(event, input.publishTimesMs()));
    }
    int framesIn = input.truth().frames().size();
    FrameCounts counts =
        new FrameCounts(
            framesIn,
            firstBySequence.size(),
            framesIn - firstBySequence.size(),
            input.deadLetters(),
            duplicates,
            unexpected);
    return new ReplayReport(
        counts,
        tally.accuracy(),
        speed(tally.latencies, firstBySequence, input.publishTimesMs()),
        tally.series);
  }

  private static double latency(PoseEvent event, Map<Long, Long> publishTimesMs) {
    Long published = publishTimesMs.get(event.getSequence());
    long from = published != null ? published : event.getCaptureTimeMs();
    return event.getProcessedTimeMs() - from;
  }

  private static Speed speed(
      List<Double> latencies, Map<Long, PoseEvent> events, Map<Long, Long> publishTimesMs) {
    boolean anyPublish = events.keySet().stream().anyMatch(publishTimesMs::containsKey);
    boolean anyCapture = !events.keySet().stream().allMatch(publishTimesMs::containsKey);
    String from = anyPublish && anyCapture ? "publish+capture" : anyPublish ? "publish" : "capture";
    if (events.isEmpty()) {
      return new Speed(from, null, null, null, null, null);
    }
    long start =
        publishTimesMs.isEmpty()
            ? events.values().stream().mapToLong(PoseEvent::getCaptureTimeMs).min().orElseThrow()
            : publishTimesMs.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    long end =
        events.values().stream().mapToLong(PoseEvent::getProcessedTimeMs).max().orElseThrow();
    double durationS = (end - start) / 1000.0;
    return new Speed(
        from,
        Stats.percentile(latencies, 50),
        Stats.percentile(latencies, 95),
        Stats.percentile(latencies, 99),
        durationS,
        durationS > 0 ? events.size() / durationS : null);
  }

  /** Running sums over the frames of one replay. */
  private static final class Tally {
    final List<Double> nmes = new ArrayList<>();
    final List<Double> rollErrors = new ArrayList<>();
    final List<Double> yawErrors = new ArrayList<>();
    final List<Double> pitchErrors = new ArrayList<>();
    final List<Double> latencies = new ArrayList<>();
    final List<FrameStat> series = new ArrayList<>();
    int trueFaces;
    int found;
    int extra;

    void frame(TruthFrame frame, PoseEvent event, Double latencyMs) {
      int inFrame = (int) frame.faces().stream().filter(TruthFace::inFrame).count();
      if (event == null) {
        series.add(new FrameStat(frame.sequence(), inFrame, 0, null, null));
        return;
      }
      latencies.add(latencyMs);
      trueFaces += inFrame;
      List<Face> faces = event.getFaces();
      List<FaceMatcher.Match> matches = FaceMatcher.match(frame.faces(), faces);
      extra += faces.size() - matches.size();
      List<Double> frameNmes = new ArrayList<>();
      for (FaceMatcher.Match m : matches) {
        TruthFace truth = frame.faces().get(m.truthIndex());
        if (truth.inFrame()) {
          frameNmes.add(m.nme());
          pose(truth, faces.get(m.eventIndex()));
        }
      }
      found += frameNmes.size();
      nmes.addAll(frameNmes);
      series.add(
          new FrameStat(
              frame.sequence(), inFrame, frameNmes.size(), Stats.mean(frameNmes), latencyMs));
    }

    private void pose(TruthFace truth, Face face) {
      addAngleError(rollErrors, face.getRoll(), truth.roll());
      addAngleError(yawErrors, face.getYaw(), truth.yaw());
      addAngleError(pitchErrors, face.getPitch(), truth.pitch());
    }

    private static void addAngleError(List<Double> errors, float predicted, Double truth) {
      if (truth != null && Float.isFinite(predicted)) {
        double diff = (predicted - truth) % 360;
        errors.add(Math.abs(diff > 180 ? diff - 360 : diff < -180 ? diff + 360 : diff));
      }
    }

    Accuracy accuracy() {
      long failures = nmes.stream().filter(Nme::isFailure).count();
      return new Accuracy(
          trueFaces,
          found,
          extra,
          Stats.ratio(found, trueFaces),
          Stats.mean(nmes),
          Stats.median(nmes),
          Stats.ratio(failures, nmes.size()),
          Stats.mean(rollErrors),
          Stats.mean(yawErrors),
          Stats.mean(pitchErrors));
    }
  }
}
