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
  void shouldOfferDatasourceInstanceAndCameraVariablesAndQueryTheChosenDatasource() {
    for (Path file : DashboardQueries.dashboardFiles(DashboardQueries.dashboardsDir())) {
      JsonNode board = DashboardQueries.read(file);
      List<String> variables = new ArrayList<>();
      board.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
      assertThat(variables).as(file.toString()).contains("datasource", "instance");
      JsonNode datasource =
          board.path("templating").path("list").get(variables.indexOf("datasource"));
      assertThat(datasource.path("type").asText()).isEqualTo("datasource");
      assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
      assertThat(board.path("uid").asText()).as(file.toString()).isNotBlank();
      // No fixed uid anywhere: panels, their queries and the query variables use the variable.
      assertThat(board.toString()).as(file.toString()).doesNotContain("\"uid\":\"prometheus\"");
      assertThat(DashboardQueries.panels(board))
          .allSatisfy(
              panel ->
                  assertThat(panel.path("datasource").path("uid").asText())
                      .isEqualTo("${datasource}"));
    }
    JsonNode cameras =
        DashboardQueries.read(DashboardQueries.dashboardsDir().resolve("asmnet-cameras.json"));
    assertThat(cameras.path("templating").path("list").findValuesAsText("name")).contains("camera");
  }

  @Test
  void shouldDescribeEveryPanelInGrafanasOwnUnitsAndGiveStatsThresholds() {
    // Unit ids Grafana knows (a bare "fps" is not one: it renders as the text "fps" after the
    // number).
    Set<String> grafanaUnits = Set.of("s", "bytes", "percentunit", "none", "short");
    for (Path file : DashboardQueries.dashboardFiles(DashboardQueries.dashboardsDir())) {
      for (JsonNode panel : DashboardQueries.panels(DashboardQueries.read(file))) {
        String where = file.getFileName() + " '" + panel.path("title").asText() + "'";
        assertThat(panel.path("description").asText()).as(where).isNotBlank();
        JsonNode unit = panel.path("fieldConfig").path("defaults").path("unit");
        if (!unit.isMissingNode()) {
          assertThat(grafanaUnits.contains(unit.asText()) || unit.asText().startsWith("suffix:"))
              .as(where + " unit " + unit)
              .isTrue();
        }
        if (panel.path("type").asText().equals("stat")) {
          assertThat(
                  panel
                      .path("fieldConfig")
                      .path("defaults")
                      .path("thresholds")
                      .path("steps")
                      .size())
              .as(where + " thresholds")
              .isPositive();
        }
      }
    }
  }

  @Test
  void shouldShowResidentMemoryBesideTheHeap() {
    JsonNode overview =
        DashboardQueries.read(DashboardQueries.dashboardsDir().resolve("asmnet-overview.json"));

    assertThat(queries)
        .anySatisfy(q -> assertThat(q.expr()).contains("process_resident_memory_bytes"));
    assertThat(overview.toString()).contains("Resident memory");
    assertThat(exported).contains("process_resident_memory_bytes", "jvm_buffer_memory_used_bytes");
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
