package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmnet.processor.metrics.DashboardQueries.Query;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.FaceSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that every dashboard expression only reads metrics the processor exports. The scrape comes
 * from {@link PipelineMetrics} after some activity, with the JVM binders and the Kafka Streams
 * binder bound to a real (created, never started) {@link KafkaStreams}: its client metrics,
 * consumer lag included, exist from creation. Per-partition series that appear only after
 * assignment are not checked here, so the dashboards do not use them.
 */
@Timeout(60)
class DashboardQueriesTest {

  private static List<Query> queries;
  private static Set<String> exported;
  private static Set<String> bucketBounds;

  @BeforeAll
  static void scrapeAnActiveProcessor(@TempDir Path stateDir) {
    queries = DashboardQueries.all(DashboardQueries.dashboardsDir());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (PipelineMetrics metrics = new PipelineMetrics(registry, "dashboard-test", "i1", 50);
        KafkaStreams streams = UnstartedStreams.create("dashboard-test", stateDir)) {
      metrics.bindKafkaStreams(streams);
      metrics.frameProcessed(TestEvents.event("cam-1", FaceSource.DETECTED, FaceSource.TRACKED));
      metrics.deadLetter(ErrorKind.CORRUPT_PAYLOAD);
      metrics.batchRun(2, 1_000, 6_000);
      metrics.inferenceDevice("cpu");
      metrics.detectorInUse("blazeface", "cpu");
      Scrape scrape = Scrape.parse(registry.scrape(MetricsServer.PROMETHEUS_TEXT));
      exported = scrape.names();
      bucketBounds =
          scrape.samples().stream()
              .map(s -> s.labels().get("le"))
              .filter(le -> le != null)
              .collect(Collectors.toSet());
      streams.close(Duration.ofSeconds(5));
    } finally {
      registry.close();
    }
  }

  @Test
  void shouldFindExpressionsInEveryDashboard() {
    assertThat(queries)
        .extracting(Query::dashboard)
        .containsAll(
            List.of("asmnet-overview.json", "asmnet-inference.json", "asmnet-cameras.json"));
    assertThat(queries)
        .allSatisfy(
            q -> assertThat(DashboardQueries.metricNames(q.expr())).as(q.toString()).isNotEmpty());
  }

  @Test
  void shouldOnlyReadMetricsTheProcessorExports() {
    List<String> unknown = new ArrayList<>();
    for (Query query : queries) {
      for (String name : DashboardQueries.metricNames(query.expr())) {
        if (!exported.contains(name)) {
          unknown.add(name + " in " + query.dashboard() + " " + query.where());
        }
      }
    }
    assertThat(unknown).as("metric names not in the scrape").isEmpty();
  }

  @Test
  void shouldOnlyMatchBucketBoundsThatExist() {
    assertThat(queries)
        .allSatisfy(
            q ->
                assertThat(bucketBounds)
                    .as(q.toString())
                    .containsAll(DashboardQueries.leValues(q.expr())));
  }

  @Test
  void shouldOfferInstanceAndCameraVariablesAndUseTheProvisionedDatasource() {
    for (Path file : DashboardQueries.dashboardFiles(DashboardQueries.dashboardsDir())) {
      JsonNode board = DashboardQueries.read(file);
      List<String> variables = new ArrayList<>();
      board.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
      assertThat(variables).as(file.toString()).contains("instance");
      assertThat(board.path("uid").asText()).as(file.toString()).isNotBlank();
      assertThat(DashboardQueries.panels(board))
          .allSatisfy(
              panel ->
                  assertThat(panel.path("datasource").path("uid").asText())
                      .isEqualTo("prometheus"));
    }
    JsonNode cameras =
        DashboardQueries.read(DashboardQueries.dashboardsDir().resolve("asmnet-cameras.json"));
    assertThat(cameras.path("templating").path("list").findValuesAsText("name")).contains("camera");
  }

  @Test
  void shouldExtractMetricNamesButNotFunctionsLabelsOrKeywords() {
    String expr =
        "histogram_quantile(0.95, sum by (le, stage) (rate(a_bucket{x=\"y(z)\","
            + "le=\"0.5\"}[$__rate_interval]))) / on (instance) group_left (device) b:rec "
            + "offset 5m + sum(c) without (camera) and 1e3 > bool 2";

    assertThat(DashboardQueries.metricNames(expr))
        .containsExactlyInAnyOrder("a_bucket", "b:rec", "c");
    assertThat(DashboardQueries.leValues(expr)).containsExactly("0.5");
  }
}
