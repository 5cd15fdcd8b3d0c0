package io.asmnet.processor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.processor.deploy.Commands.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Validates {@code docker-compose.yml} (alone and with the GPU override) and {@code
 * docker/prometheus.yml} with the real tools, without a container engine: {@code docker-compose
 * config} (1.29, Debian) or {@code docker compose config} (v2), and {@code promtool check config}.
 * Each test is skipped, saying why, when its tool is not installed.
 */
@Timeout(120)
class ComposeFileTest {

  private static Path root;
  private static List<String> compose;

  @BeforeAll
  static void findTools() throws Exception {
    root = Commands.repositoryRoot();
    if (Commands.onPath("docker-compose")) {
      compose = List.of("docker-compose");
    } else if (Commands.onPath("docker")
        && Commands.run(root, List.of("docker", "compose", "version"), 30).exitCode() == 0) {
      compose = List.of("docker", "compose");
    }
  }

  private static Result compose(String... args) throws Exception {
    assumeTrue(
        compose != null,
        "neither docker-compose nor the docker compose plugin is installed: compose files not"
            + " validated (Debian: apt-get install docker-compose)");
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of(args));
    return Commands.run(root, command, 60);
  }

  @Test
  void shouldValidateTheComposeFile() throws Exception {
    Result result = compose("-f", "docker-compose.yml", "config", "-q");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void shouldDefineTheWholeStack() throws Exception {
    Result result = compose("-f", "docker-compose.yml", "config", "--services");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().lines().toList())
        .containsExactlyInAnyOrder(
            "kafka", "topics", "processor", "prometheus", "grafana", "registry");
  }

  @Test
  void shouldValidateTheGpuOverrideAndReserveAnNvidiaDevice() throws Exception {
    String[] files = {"-f", "docker-compose.yml", "-f", "docker-compose.gpu.yml"};
    Result quiet = compose(concat(files, "config", "-q"));
    Result merged = compose(concat(files, "config"));

    assertThat(quiet.exitCode()).as(quiet.output()).isZero();
    assertThat(merged.output())
        .contains("ASMNET_INFERENCE_DEVICE: cuda")
        .contains("driver: nvidia")
        .contains("- gpu")
        .contains("RUNTIME_IMAGE: nvidia/cuda:");
  }

  @Test
  void shouldValidateThePrometheusConfig() throws Exception {
    assumeTrue(
        Commands.onPath("promtool"),
        "promtool is not installed: docker/prometheus.yml not validated"
            + " (Debian: apt-get install prometheus)");

    Result result =
        Commands.run(root, List.of("promtool", "check", "config", "docker/prometheus.yml"), 60);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  private static String[] concat(String[] head, String... tail) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }
}
