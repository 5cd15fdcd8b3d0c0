package io.asmnet.cli.bench;

import java.util.Map;

/**
 * What one end-to-end scenario measured; written as JSON so that runs in separate JVMs (each with
 * its own resident memory) can be tabulated together by {@link TablesCommand}.
 *
 * @param framesPerSecond events consumed / (last event consumed - first frame published)
 * @param detectorRanFraction frames whose detector time is non-zero
 * @param detectMsPerFrame detector time summed over all frames / frames (0 for frames without
 *     detection)
 * @param latencyMs publish (producer send call) to consume (read_committed poll return), ms
 * @param stagesMs per-stage time from the events' timings, ms; detect/track over frames where they
 *     ran, infer_queue/infer over frames with faces
 * @param batches batches per size bucket (faces), measured run only
 * @param loadBefore 1-minute load average when the measured run started; {@code loadAfter} when it
 *     ended
 */
record ScenarioResult(
    String scenario,
    String workload,
    String settings,
    String model,
    int frames,
    int cameras,
    int eventsSeen,
    double seconds,
    double framesPerSecond,
    double facesPerSecond,
    double facesPerFrame,
    double labelledFacesPerFrame,
    double trackedFaceFraction,
    double detectorRanFraction,
    double detectMsPerFrame,
    Percentiles latencyMs,
    Map<String, Percentiles> stagesMs,
    Map<String, Long> batches,
    double meanBatch,
    long rssJvmMiB,
    long rssBrokerMiB,
    double loadBefore,
    double loadAfter) {}
