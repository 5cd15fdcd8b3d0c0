package io.asmnet.processor.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the markdown tables of several {@link EndToEndBenchmark} runs from their {@code --json}
 * files: {@code BenchTables FILE...}.
 */
public final class BenchTables {
  private BenchTables() {}

  public static void main(String[] args) throws Exception {
    JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    List<ScenarioResult> results = new ArrayList<>();
    for (String file : args) {
      results.add(mapper.readValue(new File(file), ScenarioResult.class));
    }
    for (ScenarioResult r : results) {
      System.out.println("- " + r.scenario() + ": " + r.workload() + "; " + r.settings() + "; model " + r.model());
    }
    System.out.println();
    System.out.println(ResultTables.markdown(results));
  }
}
