package io.asmnet.trainer.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of one evaluation, written as JSON next to the model.
 *
 * @param model what was evaluated (a path or a name)
 * @param subsets metrics per subset, in the order evaluated
 * @param overall metrics over every face of every subset (subset name "full")
 */
public record EvalReport(String model, List<SubsetMetrics> subsets, SubsetMetrics overall) {
  public EvalReport {
    subsets = List.copyOf(subsets);
  }

  /**
   * Metrics of a named subset, the overall ones for "full" when no subset has that name, or null
   * when there is no such subset.
   */
  public SubsetMetrics subset(String name) {
    return subsets.stream()
        .filter(s -> s.subset().equals(name))
        .findFirst()
        .orElseGet(() -> name.equals(overall.subset()) ? overall : null);
  }

  /** Writes pretty JSON (creating parent folders). */
  /** This report with more subsets after its own (the overall line unchanged). */
  public EvalReport with(List<SubsetMetrics> more) {
    List<SubsetMetrics> all = new java.util.ArrayList<>(subsets);
    all.addAll(more);
    return new EvalReport(model, all, overall);
  }

  public void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    mapper().writeValue(file.toFile(), this);
  }

  /** Reads a report written by {@link #writeJson}. */
  public static EvalReport readJson(Path file) throws IOException {
    return mapper().readValue(file.toFile(), EvalReport.class);
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
