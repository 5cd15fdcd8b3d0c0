package io.asmnet.processor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asmnet.processor.deploy.Commands.Result;
import io.asmnet.processor.kafka.KafkaBrokerExtension;
import io.asmnet.processor.kafka.KafkaCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The processor image without a Docker engine: builds a copy of exactly the files {@code
 * docker/processor.Dockerfile} copies (minus {@code .dockerignore}) with the Dockerfile's own Maven
 * command, offline against the local repository, then runs the image's entry point on that output
 * with the command and environment {@code docker-compose config} gives each service of the image,
 * on the test broker (the only changes: broker address, model and state paths on this host, a free
 * metrics port, this test's topic names).
 */
@Tag("integration")
@Timeout(900)
@ExtendWith(KafkaBrokerExtension.class)
class DockerContextIT {
  private static final String IMAGE = "asmnet/processor:";

  @TempDir static Path work;
  private static Path root;
  private static Dockerfile dockerfile;
  private static Path lib;

  @BeforeAll
  static void buildTheImagesContext() throws Exception {
    root = Commands.repositoryRoot();
    dockerfile = Dockerfile.read(root.resolve("docker/processor.Dockerfile"));
    DockerIgnore ignore = DockerIgnore.read(root.resolve(".dockerignore"));
    Path src = work.resolve("src");
    for (String copy : dockerfile.buildCopies()) {
      copyTree(root, root.resolve(copy), src.resolve(copy), ignore);
    }
    assertThat(dockerfile.buildRun()).as("the build stage's RUN").startsWith("mvn ");
    // Offline against ~/.m2, never installing into it (the command only packages).
    String command = "mvn -o" + dockerfile.buildRun().substring("mvn".length());
    Result build = Commands.run(src, List.of("bash", "-c", command), 600);
    assertThat(build.exitCode()).as(command + "\n" + build.output()).isZero();
    String from = dockerfile.runtimeFrom().replaceFirst("^" + dockerfile.buildWorkdir() + "/?", "");
    lib = src.resolve(from);
    assertThat(lib.resolve("asmnet-processor-0.1.0-SNAPSHOT.jar")).isRegularFile();
  }

  @Test
  void shouldPutNoBrokerIntoTheImage() throws IOException {
    List<String> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.map(f -> f.getFileName().toString()).toList();
    }

    assertThat(jars).anyMatch(n -> n.startsWith("kafka-streams-"));
    assertThat(NotRunByTheProcessor.among(jars))
        .as("jars in the image's /app/lib the processor does not run")
        .isEmpty();
  }

  private static void copyTree(Path root, Path from, Path to, DockerIgnore ignore)
      throws IOException {
    assertThat(from).as("COPY source").exists();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path rel = root.relativize(f);
        if (ignore.ignores(rel) || Files.isDirectory(f)) {
          continue;
        }
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }

  @Test
  void shouldRunEveryComposeServiceOfTheImage(KafkaCluster cluster) throws Exception {
    Map<String, Map<String, Object>> services = imageServices();
    assertThat(services).containsKeys("topics", "processor");
    String suffix = cluster.uniqueName("compose");
    Map<String, String> host =
        Map.of(
            "ASMNET_BOOTSTRAP_SERVERS",
            cluster.bootstrapServers(),
            "ASMNET_MODEL_PATH",
            root.resolve("models/asmnet-starter.onnx").toString(),
            "ASMNET_STATE_DIR",
            work.resolve("state").toString(),
            "ASMNET_METRICS_PORT",
            "0",
            "ASMNET_METRICS_BIND",
            "127.0.0.1",
            "ASMNET_APPLICATION_ID",
            suffix,
            "ASMNET_TOPIC_FRAMES",
            "frames-" + suffix,
            "ASMNET_TOPIC_POSE_EVENTS",
            "events-" + suffix,
            "ASMNET_TOPIC_DEAD_LETTERS",
            "dlq-" + suffix);

    Result topics = runToEnd(services.get("topics"), host);

    assertThat(topics.exitCode()).as(topics.output()).isZero();
    try (Admin admin = Admin.create(cluster.clientConfig())) {
      TopicDescription frames =
          admin
              .describeTopics(List.of("frames-" + suffix))
              .allTopicNames()
              .get()
              .get("frames-" + suffix);
      Config config =
          admin
              .describeConfigs(
                  List.of(new ConfigResource(ConfigResource.Type.TOPIC, "frames-" + suffix)))
              .all()
              .get()
              .values()
              .iterator()
              .next();
      assertThat(frames.partitions()).hasSize(4);
      assertThat(config.get("max.message.bytes").value())
          .isEqualTo(String.valueOf(8 * 1024 * 1024 + 64 * 1024));
      assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
    }

    Process processor = start(services.get("processor"), host, work.resolve("processor.log"));
    try {
      assertThat(awaitLog(processor, work.resolve("processor.log"), "-> RUNNING"))
          .as(Files.readString(work.resolve("processor.log")))
          .isTrue();
      processor.destroy(); // SIGTERM, as docker stop sends
      assertThat(processor.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(processor.exitValue())
          .as(Files.readString(work.resolve("processor.log")))
          .isZero();
    } finally {
      processor.destroyForcibly();
    }
  }

  /** The services of {@code docker-compose config} that run this image, by name. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> imageServices() throws Exception {
    assumeTrue(
        Commands.onPath("docker-compose"),
        "docker-compose is not installed (Debian: apt-get install docker-compose)");
    Result config =
        Commands.run(root, List.of("docker-compose", "-f", "docker-compose.yml", "config"), 60);
    assertThat(config.exitCode()).as(config.output()).isZero();
    Map<String, Object> doc = new Yaml().load(config.output());
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) doc.get("services"))
        .forEach(
            (name, s) -> {
              if (String.valueOf(s.get("image")).startsWith(IMAGE)) {
                out.put(name, s);
              }
            });
    return out;
  }

  private static Result runToEnd(Map<String, Object> service, Map<String, String> host)
      throws Exception {
    Path log = work.resolve("run-" + System.nanoTime() + ".log");
    Process p = start(service, host, log);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish:\n" + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * The entry point with the service's command (or the image's CMD), the image's and the service's
   * environment.
   */
  @SuppressWarnings("unchecked")
  private static Process start(Map<String, Object> service, Map<String, String> host, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    for (String part : dockerfile.entrypoint()) {
      command.add(
          part.equals("java")
              ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
              : part.replace(dockerfile.runtimeLib().replaceAll("/$", ""), lib.toString()));
    }
    Object cmd = service.get("command");
    command.addAll(cmd == null ? dockerfile.cmd() : (List<String>) cmd);
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ASMNET_"));
    dockerfile
        .env()
        .forEach(
            (k, v) -> {
              // Paths of the image (the JavaCPP cache in /app) do not exist here; the host's
              // default serves.
              if (!k.equals("JAVA_TOOL_OPTIONS")) {
                pb.environment().put(k, v);
              }
            });
    Object env = service.get("environment");
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> pb.environment().put(k.toString(), String.valueOf(v)));
    }
    pb.environment().putAll(host);
    return pb.start();
  }

  private static boolean awaitLog(Process p, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains(text)) {
        return true;
      }
      if (!p.isAlive()) {
        return false;
      }
      Thread.sleep(300);
    }
    return false;
  }
}
