package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.processor.deploy.Commands;
import io.asmnet.processor.metrics.DashboardQueries.Query;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parses every dashboard expression with Prometheus' own parser: they become recording rules in a
 * file checked by {@code promtool check rules}. Grafana's variables are replaced first ({@link
 * GrafanaVariables}: {@code $__rate_interval} and friends as for a 15 s scrape interval, {@code
 * $instance}/{@code $camera} by {@code .*}). Skipped when {@code promtool} is not installed
 * (Debian: {@code apt-get install prometheus}).
 */
@Timeout(60)
class DashboardPromQlSyntaxTest {

  @Test
  void shouldParseEveryExpressionWithPromtool(@TempDir Path dir) throws Exception {
    assumeTrue(Commands.onPath("promtool"), "promtool is not installed: PromQL syntax not checked");
    List<Query> queries = DashboardQueries.all(DashboardQueries.dashboardsDir());
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    for (int i = 0; i < queries.size(); i++) {
      rules
          .append("      - record: asmnet:dashboard_check:")
          .append(i)
          .append('\n')
          .append("        expr: '")
          .append(concrete(queries.get(i).expr()).replace("'", "''"))
          .append("'\n");
    }
    Path file = Files.writeString(dir.resolve("rules.yml"), rules, StandardCharsets.UTF_8);

    Process promtool =
        new ProcessBuilder("promtool", "check", "rules", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(promtool.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS: " + queries.size() + " rules found");
  }

  /** The expression as Grafana sends it, with its variables filled in. */
  static String concrete(String expr) {
    return new GrafanaVariables(
            Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofHours(1), Map.of())
        .apply(expr);
  }
}
