package io.asmnet.cli.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Markdown tables of end-to-end results, ready to paste into docs/BENCHMARKS.md. */
final class ResultTables {
  static final List<String> STAGES =
      List.of("decode", "detect", "track", "infer_queue", "infer", "total");

  private ResultTables() {}

  static String markdown(List<ScenarioResult> results) {
    StringBuilder b = new StringBuilder();
    b.append(
        "| scenario | frames | frames/s | faces/s | faces/frame (labelled) | faces tracked | detector ran | detector ms/frame "
            + "| latency p50 / p95 / p99 ms | RSS JVM / broker MiB | load 1-min before/after |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ScenarioResult r : results) {
      b.append(
          row(
              r.scenario(),
              r.eventsSeen() + "/" + r.frames(),
              f1(r.framesPerSecond()),
              f1(r.facesPerSecond()),
              f2(r.facesPerFrame()) + " (" + f2(r.labelledFacesPerFrame()) + ")",
              pct(r.trackedFaceFraction()),
              pct(r.detectorRanFraction()),
              f1(r.detectMsPerFrame()),
              f0(r.latencyMs().p50())
                  + " / "
                  + f0(r.latencyMs().p95())
                  + " / "
                  + f0(r.latencyMs().p99()),
              r.rssJvmMiB() + " / " + r.rssBrokerMiB(),
              f2(r.loadBefore()) + " / " + f2(r.loadAfter())));
    }
    b.append(
        "\nPer-stage time, ms, p50 / p99 (detect and track: frames where they ran; infer: frames with faces)\n\n");
    b.append("| scenario |");
    STAGES.forEach(s -> b.append(' ').append(s).append(" |"));
    b.append("\n|---|").append("---:|".repeat(STAGES.size())).append('\n');
    for (ScenarioResult r : results) {
      b.append("| ").append(r.scenario()).append(" |");
      for (String s : STAGES) {
        Percentiles p = r.stagesMs().getOrDefault(s, Percentiles.EMPTY);
        b.append(p.count() == 0 ? " - |" : " " + f1(p.p50()) + " / " + f1(p.p99()) + " |");
      }
      b.append('\n');
    }
    Set<String> buckets = new LinkedHashSet<>();
    results.forEach(
        r ->
            r.batches()
                .forEach(
                    (k, v) -> {
                      if (v > 0) {
                        buckets.add(k);
                      }
                    }));
    b.append("\nInference batches by size (faces per batch)\n\n| scenario | batches | mean |");
    buckets.forEach(k -> b.append(' ').append(k).append(" |"));
    b.append("\n|---|---:|---:|").append("---:|".repeat(buckets.size())).append('\n');
    for (ScenarioResult r : results) {
      long total = r.batches().values().stream().mapToLong(Long::longValue).sum();
      b.append("| ")
          .append(r.scenario())
          .append(" | ")
          .append(total)
          .append(" | ")
          .append(f2(r.meanBatch()))
          .append(" |");
      buckets.forEach(k -> b.append(' ').append(r.batches().getOrDefault(k, 0L)).append(" |"));
      b.append('\n');
    }
    return b.toString();
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }
}
