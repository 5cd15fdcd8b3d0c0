package io.asmnet.cli.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.asmnet.cli.CommandFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asmnet bench tables FILE...}: the markdown tables of several {@code bench e2e --json}
 * results together (each scenario measured in its own JVM).
 */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description =
        "Prints the markdown tables of earlier 'asmnet bench e2e --json' results together.")
public final class TablesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "JSON results of 'asmnet bench e2e --json'.")
  List<Path> files;

  @Override
  public Integer call() {
    JsonMapper mapper =
        JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    List<ScenarioResult> results = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw CommandFailure.usage("no such file: " + file);
      }
      try {
        results.add(mapper.readValue(file.toFile(), ScenarioResult.class));
      } catch (IOException e) {
        throw CommandFailure.usage("not an e2e result: " + file + ": " + e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (ScenarioResult r : results) {
      out.println(
          "- " + r.scenario() + ": " + r.workload() + "; " + r.settings() + "; model " + r.model());
    }
    out.println();
    out.println(ResultTables.markdown(results));
    out.flush();
    return 0;
  }
}
