package io.asmnet.cli.bench;

import io.asmnet.schemas.avro.FaceSource;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.avro.StageTimings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** Turns the consumed events of a measured run into a {@link ScenarioResult}. */
final class Summary {
  private Summary() {}

  static ScenarioResult of(
      String scenario,
      Workload workload,
      String settings,
      int frames,
      int cameras,
      long startNanos,
      List<EventReader.Seen> seen,
      BatchHistogram batches,
      ResidentMemory rss,
      double loadBefore,
      double loadAfter) {
    List<PoseEvent> events = seen.stream().map(EventReader.Seen::event).toList();
    long end = seen.stream().mapToLong(EventReader.Seen::consumedNanos).max().orElse(startNanos);
    double seconds = (end - startNanos) / 1e9;
    long faces = events.stream().mapToLong(e -> e.getFaces().size()).sum();
    long tracked =
        events.stream()
            .flatMap(e -> e.getFaces().stream())
            .filter(f -> f.getSource() == FaceSource.TRACKED)
            .count();
    long detected = events.stream().filter(e -> e.getTimings().getDetectMicros() > 0).count();
    double detectMicros = events.stream().mapToLong(e -> e.getTimings().getDetectMicros()).sum();
    int n = Math.max(1, events.size());
    String model =
        events.isEmpty()
            ? "?"
            : events.get(0).getModelName() + " " + events.get(0).getModelVersion();
    return new ScenarioResult(
        scenario,
        workload.description(),
        settings,
        model,
        frames,
        cameras,
        events.size(),
        seconds,
        events.size() / seconds,
        faces / seconds,
        (double) faces / n,
        (double) workload.labelledFaces() / workload.pictures(),
        faces == 0 ? 0 : (double) tracked / faces,
        (double) detected / n,
        detectMicros / n / 1000,
        Percentiles.of(
            seen.stream()
                .filter(s -> s.latencyNanos() >= 0)
                .mapToDouble(s -> s.latencyNanos() / 1e6)
                .toArray()),
        stages(events),
        batches.perBucket(),
        batches.mean(),
        rss.peakSelfMiB(),
        rss.peakBrokerMiB(),
        loadBefore,
        loadAfter);
  }

  private static Map<String, Percentiles> stages(List<PoseEvent> events) {
    Predicate<PoseEvent> all = e -> true;
    Predicate<PoseEvent> withFaces = e -> !e.getFaces().isEmpty();
    Map<String, Percentiles> out = new LinkedHashMap<>();
    out.put("decode", ms(events, all, StageTimings::getDecodeMicros));
    out.put(
        "detect",
        ms(events, e -> e.getTimings().getDetectMicros() > 0, StageTimings::getDetectMicros));
    out.put(
        "track",
        ms(events, e -> e.getTimings().getTrackMicros() > 0, StageTimings::getTrackMicros));
    out.put("infer_queue", ms(events, withFaces, StageTimings::getInferQueueMicros));
    out.put("infer", ms(events, withFaces, StageTimings::getInferMicros));
    out.put("total", ms(events, all, StageTimings::getTotalMicros));
    return out;
  }

  private static Percentiles ms(
      List<PoseEvent> events, Predicate<PoseEvent> which, ToLongFunction<StageTimings> micros) {
    return Percentiles.of(
        events.stream()
            .filter(which)
            .mapToDouble(e -> micros.applyAsLong(e.getTimings()) / 1000.0)
            .toArray());
  }
}
