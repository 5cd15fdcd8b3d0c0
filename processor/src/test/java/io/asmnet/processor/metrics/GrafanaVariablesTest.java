package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaVariablesTest {

  @Test
  void shouldSpanFourScrapesWhenTheStepIsTheScrapeInterval() {
    GrafanaVariables vars =
        GrafanaVariables.shortRange(Duration.ofSeconds(1), Duration.ofSeconds(20), Map.of());

    assertThat(
            vars.apply("rate(x[$__rate_interval]) + rate(y[$__interval]) + increase(z[$__range])"))
        .isEqualTo("rate(x[4s]) + rate(y[1s]) + increase(z[20s])");
  }

  @Test
  void shouldAddOneScrapeToALongStep() {
    GrafanaVariables vars =
        new GrafanaVariables(
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(6), Map.of());

    assertThat(vars.apply("[$__rate_interval]")).isEqualTo("[35s]");
  }

  @Test
  void shouldFillChosenValuesAndAllForTheRest() {
    GrafanaVariables vars =
        GrafanaVariables.shortRange(
            Duration.ofMillis(300), Duration.ofSeconds(10), Map.of("camera", "cam-1"));

    assertThat(vars.apply("x{instance=~\"$instance\",camera=~\"${camera}\"}[$__rate_interval]"))
        .isEqualTo("x{instance=~\".*\",camera=~\"cam-1\"}[1200ms]");
  }

  @Test
  void shouldRefuseAStepBelowTheScrapeInterval() {
    assertThatThrownBy(
            () ->
                new GrafanaVariables(
                    Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(5), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
