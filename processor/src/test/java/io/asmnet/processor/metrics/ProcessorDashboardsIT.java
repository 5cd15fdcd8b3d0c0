package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmnet.processor.cli.ProcessorApp;
import io.asmnet.processor.cli.ProductionStages;
import io.asmnet.processor.cli.RunningProcessor;
import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.deploy.Commands;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import io.asmnet.processor.metrics.DashboardQueries.Query;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every PromQL expression of every Grafana dashboard panel (and variable), evaluated by a real
 * Prometheus scraping the real processor ({@link ProcessorApp} with {@link ProductionStages} and
 * the real landmark model) on the run's broker while real frames flow ({@link FrameTraffic}): a
 * renamed metric or label breaks the build, not the dashboard. Grafana's variables are filled in as
 * Grafana would with a 1 s scrape interval ({@link GrafanaVariables}: {@code $__rate_interval} = 4
 * s), once with "All" ({@code .*}) and once with this instance and camera {@code clip}. Every
 * expression must return at least one series with a number (not NaN). Skipped when {@code
 * prometheus} is not installed or there is no model.
 */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class ProcessorDashboardsIT {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorDashboardsIT.class);
  private static final Duration SCRAPE = Duration.ofSeconds(1);
  private static final Duration PERIOD = Duration.ofMillis(200);

  /** Traffic before the first evaluation: the 4 s rate windows then hold several scrapes. */
  private static final Duration WARM_UP = Duration.ofSeconds(15);

  private static final Duration GIVE_UP = Duration.ofSeconds(45);

  @Test
  void shouldReturnDataForEveryDashboardExpressionWhileTheProcessorRuns(
      KafkaCluster cluster, @TempDir Path stateDir) throws Exception {
    assumeTrue(
        Commands.onPath("prometheus"),
        "prometheus is not installed (Debian: apt-get install prometheus): dashboards not evaluated");
    Path model = TestModels.require();
    TrafficInputs inputs = TrafficInputs.fromDlibExamples(stateDir.resolve("pan.h264"));
    List<Query> queries = DashboardQueries.all(DashboardQueries.dashboardsDir());
    ProcessorConfig config = config(cluster, model, stateDir.resolve("state"));

    try (RunningProcessor running = new ProcessorApp(config, new ProductionStages()).start();
        KafkaProducer<byte[], byte[]> producer = producer(cluster);
        PrometheusServer prometheus =
            PrometheusServer.start(
                running.metricsPort(),
                SCRAPE,
                Commands.repositoryRoot().resolve(AlertRulesTest.RULES));
        FrameTraffic traffic =
            new FrameTraffic(
                    producer, config.topics().frames(), inputs.clip(), inputs.photos(), PERIOD)
                .start()) {
      Instant started = Instant.now();
      List<String> failures = List.of("not evaluated yet");
      Map<String, String> seen = Map.of();
      while (!failures.isEmpty()
          && Duration.between(started, Instant.now()).compareTo(GIVE_UP) < 0) {
        Thread.sleep(1_000);
        Duration elapsed = Duration.between(started, Instant.now());
        if (elapsed.compareTo(WARM_UP) < 0 || !prometheus.ready()) {
          continue;
        }
        Instant at = Instant.now();
        Duration range = Duration.ofSeconds(elapsed.toSeconds());
        failures = new ArrayList<>();
        seen = new HashMap<>();
        for (GrafanaVariables vars :
            List.of(
                GrafanaVariables.shortRange(SCRAPE, range, Map.of()),
                GrafanaVariables.shortRange(
                    SCRAPE,
                    range,
                    // Prometheus' own instance label: the scrape target.
                    Map.of(
                        "instance",
                        "127.0.0.1:" + running.metricsPort(),
                        "camera",
                        FrameTraffic.CLIP_CAMERA)))) {
          for (Query q : queries) {
            String expr = vars.apply(q.expr());
            String problem = problem(prometheus, expr, at, seen);
            if (problem != null) {
              failures.add(q.dashboard() + " " + q.where() + ": " + problem + " for " + expr);
            }
          }
        }
        LOG.info(
            "after {} s ({} records sent): {} of {} expressions without data",
            elapsed.toSeconds(),
            traffic.sent(),
            failures.size(),
            2 * queries.size());
      }
      seen.forEach((expr, values) -> LOG.info("{} => {}", expr, values));

      assertThat(failures)
          .as("dashboard expressions without data after %s s of traffic", GIVE_UP.toSeconds())
          .isEmpty();
      // The "All" queries alone could be satisfied by counters that exist at 0 from start-up:
      // these show the traffic really reached the series the panels are about.
      Instant now = Instant.now();
      assertThat(sum(prometheus, "sum(asmnet_faces_total{source=\"tracked\"})", now))
          .as("tracked faces counted")
          .isPositive();
      assertThat(sum(prometheus, "sum(asmnet_faces_total{source=\"detected\"})", now))
          .as("detected faces counted")
          .isPositive();
      assertThat(sum(prometheus, "sum(asmnet_dead_letters_total{kind=\"bad_schema\"})", now))
          .as("bad_schema dead letters")
          .isPositive();
      assertThat(sum(prometheus, "sum(asmnet_dead_letters_total{kind=\"corrupt_payload\"})", now))
          .as("corrupt_payload dead letters")
          .isPositive();
      assertAlertsAsTheTrafficWarrants(prometheus);
    }
  }

  /**
   * The shipped alert rules on the real series: every rule evaluates without error; the traffic's
   * broken records make "dead letters rising" active (pending: its {@code for} is 5 minutes); the
   * healthy CPU-on-purpose processor raises nothing else.
   */
  private static void assertAlertsAsTheTrafficWarrants(PrometheusServer prometheus)
      throws Exception {
    List<String> active = List.of();
    Instant until = Instant.now().plusSeconds(20);
    while (!active.contains("AsmnetDeadLettersRising") && Instant.now().isBefore(until)) {
      active = new ArrayList<>();
      for (JsonNode alert : prometheus.alerts()) {
        active.add(alert.path("labels").path("alertname").asText());
      }
      Thread.sleep(500);
    }
    List<String> rules = new ArrayList<>();
    for (JsonNode group : prometheus.rules()) {
      for (JsonNode rule : group.path("rules")) {
        rules.add(
            rule.path("name").asText()
                + ":"
                + rule.path("health").asText()
                + rule.path("lastError").asText(""));
      }
    }
    LOG.info("alert rules {}, active {}", rules, active);
    assertThat(rules).hasSize(5).allSatisfy(r -> assertThat(r).endsWith(":ok"));
    assertThat(active)
        .as("active alerts")
        .contains("AsmnetDeadLettersRising")
        .doesNotContain("AsmnetModelOnCpu", "AsmnetProcessorDown", "AsmnetStreamThreadDead");
  }

  /** Null when {@code expr} gives a series with a number at {@code at}; else what is wrong. */
  private static String problem(
      PrometheusServer prometheus, String expr, Instant at, Map<String, String> seen)
      throws Exception {
    JsonNode result;
    try {
      result = prometheus.query(expr, at);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    List<String> values = new ArrayList<>();
    for (JsonNode series : result) {
      values.add(series.path("metric").toString() + "=" + series.path("value").get(1).asText());
    }
    seen.put(
        expr,
        values.size() > 6
            ? values.subList(0, 6) + " and " + (values.size() - 6) + " more"
            : values.toString());
    if (result.isEmpty()) {
      return "no series";
    }
    for (JsonNode series : result) {
      if (!Double.isNaN(series.path("value").get(1).asDouble(Double.NaN))) {
        return null;
      }
    }
    return "only NaN " + values;
  }

  private static double sum(PrometheusServer prometheus, String expr, Instant at) throws Exception {
    JsonNode result = prometheus.query(expr, at);
    return result.isEmpty() ? 0 : result.get(0).path("value").get(1).asDouble();
  }

  private static ProcessorConfig config(KafkaCluster cluster, Path model, Path stateDir) {
    Map<String, String> sets = new HashMap<>();
    sets.put("bootstrap.servers", cluster.bootstrapServers());
    sets.put("application.id", cluster.uniqueName("dashboards"));
    sets.put("topic.frames", cluster.uniqueName("frames"));
    sets.put("topic.pose.events", cluster.uniqueName("events"));
    sets.put("topic.dead.letters", cluster.uniqueName("dlq"));
    sets.put("topics.create", "true");
    sets.put("model.path", model.toString());
    sets.put("inference.device", "cpu");
    sets.put("metrics.port", "0");
    sets.put("state.dir", stateDir.toString());
    sets.put("commit.interval.ms", "100");
    return ConfigLoader.load(null, Map.of(), sets);
  }

  private static KafkaProducer<byte[], byte[]> producer(KafkaCluster cluster) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
