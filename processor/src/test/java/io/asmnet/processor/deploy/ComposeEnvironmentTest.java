package io.asmnet.processor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.InferenceDevice;
import io.asmnet.processor.config.ProcessorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ASMNET_*} variables the compose files give the processor container are the ones {@link
 * ConfigLoader} reads: a misspelt one would be refused as an unknown setting at start.
 */
class ComposeEnvironmentTest {
  private static final Pattern ENTRY =
      Pattern.compile("^\\s+(ASMNET_[A-Z0-9_]+):\\s*\"?([^\"]*)\"?\\s*$");

  @TempDir Path dir;

  private static Map<String, String> environmentOf(String file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Commands.repositoryRoot().resolve(file))) {
      Matcher m = ENTRY.matcher(line);
      if (m.matches()) {
        // Compose's ${VAR:-default} with VAR unset, as on a fresh checkout.
        env.put(m.group(1), m.group(2).replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1"));
      }
    }
    return env;
  }

  @Test
  void shouldConfigureTheProcessorFromTheComposeEnvironment() throws IOException {
    Map<String, String> env = environmentOf("docker-compose.yml");
    assertThat(env)
        .containsKeys(
            "ASMNET_BOOTSTRAP_SERVERS",
            "ASMNET_METRICS_BIND",
            "ASMNET_METRICS_PORT",
            "ASMNET_MODEL_PATH",
            "ASMNET_INFERENCE_DEVICE");
    env.putAll(environmentOf("docker-compose.gpu.yml"));
    // The model path is /models/... inside the container; the loader checks it exists.
    Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1});

    ProcessorConfig c = ConfigLoader.load(null, env, Map.of("model.path", model.toString()));

    assertThat(c.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(c.metrics().bind()).isEqualTo("0.0.0.0");
    assertThat(c.metrics().port()).isEqualTo(9464);
    assertThat(c.inference().device()).isEqualTo(InferenceDevice.CUDA);
    assertThat(env.get("ASMNET_MODEL_PATH")).startsWith("/models/");
    assertThat(c.kafka().stateDir()).isEqualTo(Path.of("/var/lib/asmnet/state"));
    assertThat(c.provisioning().partitions()).isEqualTo(4);
  }
}
