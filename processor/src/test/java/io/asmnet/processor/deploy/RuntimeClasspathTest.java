package io.asmnet.processor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's runtime classpath as Maven resolved it for this build ({@code
 * target/runtime-classpath.txt}, written by processor/pom.xml before the tests; the image copies
 * exactly these jars) holds what the processor runs and no broker.
 */
class RuntimeClasspathTest {

  @Test
  void shouldCarryNoBrokerNorTheCommandLinesLibraries() throws IOException {
    List<String> jars = runtimeJars();

    assertThat(jars)
        .as("the runtime classpath was read")
        .anyMatch(n -> n.startsWith("kafka-streams-"));
    assertThat(NotRunByTheProcessor.among(jars)).as("jars the processor does not run").isEmpty();
  }

  @Test
  void shouldRecogniseTheBrokersJarsWhereTheyAre() {
    // The check above only means something if the list knows the broker's jar names.
    assertThat(
            NotRunByTheProcessor.among(
                List.of(
                    "kafka_2.13-4.3.1.jar",
                    "scala-library-2.13.16.jar",
                    "kafka-server-4.3.1.jar",
                    "kafka-streams-4.3.1.jar",
                    "kafka-clients-4.3.1.jar",
                    "progressbar-0.10.1.jar")))
        .containsExactly(
            "kafka-server-4.3.1.jar",
            "kafka_2.13-4.3.1.jar",
            "progressbar-0.10.1.jar",
            "scala-library-2.13.16.jar");
  }

  private static List<String> runtimeJars() throws IOException {
    Path file = Path.of("target", "runtime-classpath.txt");
    assertThat(file)
        .as("written by the build (mvn ... test); run the tests through Maven")
        .isRegularFile();
    return Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
        .map(p -> Path.of(p).getFileName().toString())
        .toList();
  }
}
