package io.asmnet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.metrics.PipelineMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class BatchHistogramTest {

  @Test
  void shouldReadTheBatchSizesThatPipelineMetricsPublishesAndLeaveOutTheEarlierScrape() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (PipelineMetrics metrics = new PipelineMetrics(registry, "app", "host", 5)) {
      // given a warm-up batch, then the measured ones
      metrics.batchRun(1, 10, 100);
      BatchHistogram before = BatchHistogram.parse(registry.scrape());
      metrics.batchRun(1, 10, 100);
      metrics.batchRun(2, 10, 100);
      metrics.batchRun(5, 10, 100);
      metrics.batchRun(200, 10, 100);

      // when
      BatchHistogram measured = BatchHistogram.parse(registry.scrape()).minus(before);

      // then
      assertThat(measured.count()).isEqualTo(4);
      assertThat(measured.mean()).isEqualTo((1 + 2 + 5 + 200) / 4.0);
      assertThat(measured.perBucket())
          .containsEntry("1", 1L)
          .containsEntry("2", 1L)
          .containsEntry("3", 0L)
          .containsEntry("5-6", 1L)
          .containsEntry(">128", 1L);
      assertThat(measured.perBucket().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(4);
    } finally {
      registry.close();
    }
  }
}
