package io.asmnet.processor.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of {@code docker/processor.Dockerfile} a build without Docker needs, read from the file
 * itself: the build stage's {@code COPY} sources and Maven {@code RUN}, and the final stage's
 * {@code ENV}, {@code ENTRYPOINT}, {@code CMD} and {@code COPY --from} of the build output. Only
 * the instruction forms the file uses are understood; anything else fails loudly.
 *
 * @param buildCopies sources of the build stage's COPY lines, relative to the context
 * @param buildRun the build stage's RUN command (shell form)
 * @param runtimeFrom the build-stage path whose content the final stage copies into its lib folder
 * @param runtimeLib where the final stage puts it
 * @param env the final stage's ENV, in order
 * @param entrypoint the exec-form ENTRYPOINT
 * @param cmd the exec-form CMD
 * @param buildWorkdir the build stage's WORKDIR
 */
record Dockerfile(
    List<String> buildCopies,
    String buildRun,
    String runtimeFrom,
    String runtimeLib,
    Map<String, String> env,
    List<String> entrypoint,
    List<String> cmd,
    String buildWorkdir) {

  private static final Pattern ENV_PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

  static Dockerfile read(Path file) throws IOException {
    List<String> instructions = instructions(Files.readAllLines(file));
    List<String> copies = new ArrayList<>();
    String run = null;
    String from = null;
    String lib = null;
    String workdir = null;
    Map<String, String> env = new LinkedHashMap<>();
    List<String> entrypoint = null;
    List<String> cmd = null;
    int stage = -1;
    ObjectMapper json = new ObjectMapper();
    for (String line : instructions) {
      String[] parts = line.split("\\s+", 2);
      String op = parts[0].toUpperCase();
      String rest = parts.length > 1 ? parts[1].trim() : "";
      switch (op) {
        case "FROM" -> stage++;
        case "WORKDIR" -> workdir = stage == 0 ? rest : workdir;
        case "COPY" -> {
          String[] args = rest.split("\\s+");
          if (args[0].startsWith("--from=")) {
            from = args[1];
            lib = args[2];
          } else if (stage == 0) {
            if (args.length != 2) {
              throw new IllegalStateException("COPY with other than one source: " + line);
            }
            copies.add(args[0]);
          }
        }
        case "RUN" -> {
          if (stage == 0) {
            if (rest.startsWith("--")) {
              throw new IllegalStateException(
                  "RUN with a BuildKit-only option (the legacy builder fails on it): " + line);
            }
            run = rest;
          }
        }
        case "ENV" -> {
          Matcher m = ENV_PAIR.matcher(rest);
          while (m.find()) {
            env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
          }
        }
        case "ENTRYPOINT" ->
            entrypoint = json.readValue(rest, new TypeReference<List<String>>() {});
        case "CMD" -> cmd = json.readValue(rest, new TypeReference<List<String>>() {});
        case "ARG", "USER", "EXPOSE", "VOLUME" -> {}
        default ->
            throw new IllegalStateException("instruction not understood by this test: " + line);
      }
    }
    return new Dockerfile(List.copyOf(copies), run, from, lib, env, entrypoint, cmd, workdir);
  }

  /** Lines joined over trailing backslashes, comments and blank lines dropped. */
  private static List<String> instructions(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        current.append(line);
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    return out;
  }
}
