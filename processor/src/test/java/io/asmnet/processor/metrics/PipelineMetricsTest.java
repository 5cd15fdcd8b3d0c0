package io.asmnet.processor.metrics;

import static io.asmnet.processor.metrics.TestEvents.event;
import static io.asmnet.processor.metrics.TestEvents.timings;
import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.FaceSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PipelineMetrics metrics = new PipelineMetrics(registry, "asmnet-test", "i1", 2);

  @AfterEach
  void close() {
    metrics.close();
    registry.close();
  }

  private String scrapeText() {
    return registry.scrape(MetricsServer.PROMETHEUS_TEXT);
  }

  private Scrape scrape() {
    return Scrape.parse(scrapeText());
  }

  @Test
  void shouldCountFramesAndFacesPerCameraAndSource() {
    metrics.frameProcessed(event("cam-1", FaceSource.DETECTED, FaceSource.TRACKED));
    metrics.frameProcessed(event("cam-1"));
    metrics.frameProcessed(event("cam-1", FaceSource.DETECTED));
    metrics.frameProcessed(event("cam-2", FaceSource.TRACKED));

    assertThat(scrapeText())
        .contains(
            "asmnet_frames_total{application_id=\"asmnet-test\",camera=\"cam-1\",processor=\"i1\"}"
                + " 3.0");
    Scrape scrape = scrape();
    assertThat(scrape.value("asmnet_frames_total", Map.of("camera", "cam-2"))).hasValue(1.0);
    assertThat(scrape.value("asmnet_faces_total", Map.of("camera", "cam-1", "source", "detected")))
        .hasValue(2.0);
    assertThat(scrape.value("asmnet_faces_total", Map.of("camera", "cam-1", "source", "tracked")))
        .hasValue(1.0);
    assertThat(scrape.value("asmnet_faces_total", Map.of("camera", "cam-2", "source", "tracked")))
        .hasValue(1.0);
  }

  @Test
  void shouldGroupCamerasPastTheCapUnderOther() {
    for (String camera : new String[] {"a", "b", "c", "d", "a", "c"}) {
      metrics.frameProcessed(event(camera, FaceSource.DETECTED));
    }

    Scrape scrape = scrape();
    assertThat(scrape.value("asmnet_frames_total", Map.of("camera", "a"))).hasValue(2.0);
    assertThat(scrape.value("asmnet_frames_total", Map.of("camera", "b"))).hasValue(1.0);
    assertThat(scrape.value("asmnet_frames_total", Map.of("camera", "other"))).hasValue(3.0);
    assertThat(scrape.find("asmnet_frames_total", Map.of())).hasSize(3);
    assertThat(scrape.find("asmnet_faces_total", Map.of("camera", "c"))).isEmpty();
  }

  @Test
  void shouldRecordStageTimingsInSeconds() {
    metrics.frameProcessed(
        event("cam-1", timings(2_000, 30_000, 500, 1_000, 8_000, 45_000), FaceSource.DETECTED));
    // A tracked frame: the detector did not run (0), and no faces means no inference.
    metrics.frameProcessed(event("cam-1", timings(3_000, 0, 700, 0, 0, 5_000)));

    Scrape scrape = scrape();
    assertThat(sum(scrape, "decode")).isEqualTo(0.005, within());
    assertThat(count(scrape, "decode")).isEqualTo(2.0);
    assertThat(count(scrape, "detect")).isEqualTo(1.0);
    assertThat(sum(scrape, "detect")).isEqualTo(0.030, within());
    assertThat(sum(scrape, "track")).isEqualTo(0.0012, within());
    assertThat(count(scrape, "infer")).isEqualTo(1.0);
    assertThat(sum(scrape, "infer")).isEqualTo(0.008, within());
    assertThat(sum(scrape, "infer_queue")).isEqualTo(0.001, within());
    assertThat(scrape.value("asmnet_frame_duration_seconds_sum", Map.of()).orElseThrow())
        .isEqualTo(0.050, within());
    // 45 ms lands in the 50 ms bucket, 5 ms in the 5 ms SLO bucket.
    assertThat(scrape.value("asmnet_frame_duration_seconds_bucket", Map.of("le", "0.005")))
        .hasValue(1.0);
    assertThat(scrape.value("asmnet_frame_duration_seconds_bucket", Map.of("le", "0.05")))
        .hasValue(2.0);
    // Summing the stages never counts a frame's whole time again.
    assertThat(scrape.find("asmnet_stage_duration_seconds_count", Map.of("stage", "total")))
        .isEmpty();
    assertThat(scrape.value("asmnet_event_latency_seconds_count", Map.of())).hasValue(2.0);
  }

  @Test
  void shouldPublishOnlyTheServiceLevelBuckets() {
    metrics.frameProcessed(
        event("cam-1", timings(2_000, 30_000, 500, 1_000, 8_000, 45_000), FaceSource.DETECTED));

    Scrape scrape = scrape();
    // 13 bounds and +Inf, not Micrometer's ~70-bucket percentile histogram.
    assertThat(scrape.find("asmnet_frame_duration_seconds_bucket", Map.of()))
        .hasSize(Histograms.LATENCY_SLOS.length + 1);
    assertThat(scrape.find("asmnet_stage_duration_seconds_bucket", Map.of("stage", "decode")))
        .hasSize(Histograms.LATENCY_SLOS.length + 1);
  }

  @Test
  void shouldLeaveTheInstanceLabelToTheScraper() {
    metrics.frameProcessed(event("cam-1", FaceSource.DETECTED));

    assertThat(scrapeText()).doesNotContain("instance=\"");
    assertThat(scrape().value("asmnet_frames_total", Map.of("processor", "i1"))).hasValue(1.0);
  }

  @Test
  void shouldCountDeadLettersByKind() {
    metrics.deadLetter(ErrorKind.CORRUPT_PAYLOAD);
    metrics.deadLetter(ErrorKind.CORRUPT_PAYLOAD);
    metrics.deadLetter(ErrorKind.OVERSIZED);

    Scrape scrape = scrape();
    assertThat(scrape.value("asmnet_dead_letters_total", Map.of("kind", "corrupt_payload")))
        .hasValue(2.0);
    assertThat(scrape.value("asmnet_dead_letters_total", Map.of("kind", "oversized")))
        .hasValue(1.0);
    // Every kind exists from the start, so rate() has a series before the first failure.
    assertThat(scrape.value("asmnet_dead_letters_total", Map.of("kind", "decode_failed")))
        .hasValue(0.0);
  }

  @Test
  void shouldRecordBatchSizesQueueDelayAndRunTime() {
    metrics.batchRun(1, 500, 4_000);
    metrics.batchRun(3, 1_500, 6_000);
    metrics.batchRun(3, 2_000, 6_000);
    metrics.batchRun(8, 9_000, 12_000);

    Scrape scrape = scrape();
    assertThat(scrape.value("asmnet_infer_batch_size_faces_count", Map.of())).hasValue(4.0);
    assertThat(scrape.value("asmnet_infer_batch_size_faces_sum", Map.of())).hasValue(15.0);
    assertThat(scrape.value("asmnet_infer_batch_size_faces_bucket", Map.of("le", "3.0")))
        .hasValue(3.0);
    assertThat(scrape.value("asmnet_infer_batch_size_faces_bucket", Map.of("le", "2.0")))
        .hasValue(1.0);
    assertThat(scrape.value("asmnet_infer_queue_delay_seconds_sum", Map.of()).getAsDouble())
        .isEqualTo(0.013, within());
    assertThat(scrape.value("asmnet_infer_batch_duration_seconds_max", Map.of()).getAsDouble())
        .isEqualTo(0.012, within());
  }

  @Test
  void shouldExposeDeviceAndModelAsInfoGauges() {
    metrics.inferenceDevice("CUDA");
    metrics.inferenceDevice("cpu", "AUTO"); // e.g. CUDA failed to open and the estimator fell back
    metrics.frameProcessed(event("cam-1"));

    Scrape scrape = scrape();
    assertThat(scrape.find("asmnet_inference_device_info", Map.of()))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.labels())
                    .containsEntry("device", "cpu")
                    .containsEntry("requested", "auto"))
        .satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
    assertThat(scrape.value("asmnet_model_info", Map.of("model", "asmnet", "version", "1.0")))
        .hasValue(1.0);
  }

  @Test
  void shouldSayWhichDetectorRunsWhere() {
    metrics.detectorInUse("blazeface", "CUDA");
    metrics.detectorInUse("haar", "CUDA"); // the cascade has no GPU path

    assertThat(scrape().find("asmnet_detector_info", Map.of()))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.labels())
                    .containsEntry("detector", "haar")
                    .containsEntry("device", "cpu"));
  }

  @Test
  void shouldBindJvmAndProcessMetrics() {
    assertThat(scrape().names())
        .contains(
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_cpu_usage",
            "process_uptime_seconds");
  }

  private static double sum(Scrape scrape, String stage) {
    return scrape.value("asmnet_stage_duration_seconds_sum", Map.of("stage", stage)).orElseThrow();
  }

  private static double count(Scrape scrape, String stage) {
    return scrape.value("asmnet_stage_duration_seconds_count", Map.of("stage", stage)).orElse(0.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
