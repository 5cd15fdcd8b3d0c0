package io.asmnet.processor.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in a dashboard expression's variables the way Grafana does before it sends the query to
 * Prometheus. {@code $__interval} is the step of a panel's query, never below the datasource's
 * scrape interval ({@code timeInterval}; for a short time range that floor is the step). {@code
 * $__rate_interval} is Grafana's {@code max($__interval + scrape interval, 4 * scrape interval)}.
 * {@code $__range} is the dashboard's time range. Template variables ({@code $instance}, {@code
 * ${camera}}) get their chosen value, or {@code .*} (Grafana's "All" with {@code allValue: .*})
 * when none is given.
 *
 * @param scrapeInterval the Prometheus scrape interval (Grafana's datasource {@code timeInterval})
 * @param interval the panel's step, {@code $__interval}; at least {@code scrapeInterval}
 * @param range the dashboard time range
 * @param values chosen template variable values by name (without {@code $})
 */
record GrafanaVariables(
    Duration scrapeInterval, Duration interval, Duration range, Map<String, String> values) {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)}?");

  GrafanaVariables {
    if (scrapeInterval.isNegative()
        || scrapeInterval.isZero()
        || interval.compareTo(scrapeInterval) < 0
        || range.compareTo(interval) < 0) {
      throw new IllegalArgumentException(
          "need 0 < scrapeInterval <= interval <= range, got "
              + scrapeInterval
              + ", "
              + interval
              + ", "
              + range);
    }
    values = Map.copyOf(values);
  }

  /** Grafana's variables for a short time range: the step is the scrape interval. */
  static GrafanaVariables shortRange(
      Duration scrapeInterval, Duration range, Map<String, String> values) {
    return new GrafanaVariables(scrapeInterval, scrapeInterval, range, values);
  }

  /**
   * Grafana's {@code $__rate_interval}: at least four scrapes, so rate() always has two samples.
   */
  Duration rateInterval() {
    Duration fourScrapes = scrapeInterval.multipliedBy(4);
    Duration stepPlusScrape = interval.plus(scrapeInterval);
    return fourScrapes.compareTo(stepPlusScrape) >= 0 ? fourScrapes : stepPlusScrape;
  }

  /** {@code expr} as Grafana would send it. */
  String apply(String expr) {
    Matcher m = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "__rate_interval" -> promDuration(rateInterval());
            case "__interval" -> promDuration(interval);
            case "__range" -> promDuration(range);
            default -> values.getOrDefault(m.group(1), ".*");
          };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A PromQL duration: whole milliseconds ("4000ms"), which Prometheus accepts as written. */
  static String promDuration(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
