package io.asmnet.processor.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every PromQL expression in the Grafana dashboards ({@code grafana/dashboards/*.json}), for tests
 * that check them against what the processor exports: panel targets ({@code expr}) and template
 * variables ({@code label_values(selector, label)} gives its selector). Also extracts the metric
 * names an expression reads, with a deliberately simple lexer (enough for our dashboards).
 */
final class DashboardQueries {

  /** One expression, with where it came from (for failure messages). */
  record Query(String dashboard, String where, String expr) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*$");
  private static final Pattern STRING =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan",
          "atan2");
  private static final Pattern LE_MATCHER = Pattern.compile("\\ble\\s*=\\s*\"([^\"]*)\"");

  private DashboardQueries() {}

  /** The repository's dashboards folder, found from the working directory upwards. */
  static Path dashboardsDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("grafana/dashboards");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No grafana/dashboards above " + Path.of("").toAbsolutePath());
  }

  /** The parsed dashboards, by file. */
  static List<Path> dashboardFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + file, e);
    }
  }

  /** Every expression of every dashboard in {@code dir}: panel targets and variable selectors. */
  static List<Query> all(Path dir) {
    List<Query> queries = new ArrayList<>();
    for (Path file : dashboardFiles(dir)) {
      JsonNode board = read(file);
      String name = file.getFileName().toString();
      for (JsonNode panel : panels(board)) {
        for (JsonNode target : panel.path("targets")) {
          if (target.hasNonNull("expr")) {
            queries.add(
                new Query(
                    name,
                    "panel '" + panel.path("title").asText() + "'",
                    target.get("expr").asText()));
          }
        }
      }
      for (JsonNode variable : board.path("templating").path("list")) {
        if (!variable.path("type").asText("query").equals("query")) {
          continue; // the data-source variable's query is a plugin type, not PromQL
        }
        JsonNode query = variable.path("query");
        String text = query.isTextual() ? query.asText() : query.path("query").asText();
        Matcher m = LABEL_VALUES.matcher(text);
        if (m.matches()) {
          queries.add(new Query(name, "variable $" + variable.path("name").asText(), m.group(1)));
        } else if (!text.isBlank()) {
          queries.add(new Query(name, "variable $" + variable.path("name").asText(), text));
        }
      }
    }
    return queries;
  }

  /** Panels, including those nested in collapsed rows. */
  static List<JsonNode> panels(JsonNode board) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : board.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** The metric names an expression reads (not functions, keywords, labels or numbers). */
  static Set<String> metricNames(String expr) {
    String bare = STRING.matcher(expr).replaceAll("\"\"");
    bare = bare.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
    bare = GROUPING.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1).toLowerCase())) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The values of {@code le="..."} matchers in an expression (bucket bounds it relies on). */
  static Set<String> leValues(String expr) {
    Set<String> values = new TreeSet<>();
    Matcher m = LE_MATCHER.matcher(expr);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }
}
