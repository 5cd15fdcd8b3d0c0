package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.processor.deploy.Commands;
import io.asmnet.processor.deploy.Commands.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shipped alert rules ({@code docker/prometheus-alerts.yml}) pass {@code promtool check rules}
 * and their unit tests ({@code docker/prometheus-alerts.test.yml}: each alert fires on its
 * situation with the expected labels and text, and not on a healthy instance). Skipped when {@code
 * promtool} is not installed. ProcessorDashboardsIT evaluates the same rules on the real processor.
 */
@Timeout(120)
class AlertRulesTest {
  static final String RULES = "docker/prometheus-alerts.yml";

  @Test
  void shouldPassPromtoolsCheckAndTheRulesOwnTests() throws Exception {
    assumeTrue(
        Commands.onPath("promtool"),
        "promtool is not installed (Debian: apt-get install prometheus)");
    Path root = Commands.repositoryRoot();

    Result check = Commands.run(root, List.of("promtool", "check", "rules", RULES), 60);
    Result test =
        Commands.run(
            root.resolve("docker"),
            List.of("promtool", "test", "rules", "prometheus-alerts.test.yml"),
            60);

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 5 rules found");
    assertThat(test.exitCode()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  @Test
  void shouldTestEveryAlertItShips() throws Exception {
    Path root = Commands.repositoryRoot();
    String rules = Files.readString(root.resolve(RULES));
    String tests = Files.readString(root.resolve("docker/prometheus-alerts.test.yml"));

    List<String> alerts =
        rules
            .lines()
            .map(String::trim)
            .filter(l -> l.startsWith("- alert: "))
            .map(l -> l.substring("- alert: ".length()))
            .toList();

    assertThat(alerts)
        .containsExactlyInAnyOrder(
            "AsmnetProcessorBehind",
            "AsmnetDeadLettersRising",
            "AsmnetStreamThreadDead",
            "AsmnetProcessorDown",
            "AsmnetModelOnCpu");
    assertThat(alerts).allSatisfy(a -> assertThat(tests).contains("alertname: " + a));
  }
}
