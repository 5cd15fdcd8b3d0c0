package io.asmnet.processor.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Configurations for unit tests: the given settings over the defaults, with a model file in {@code
 * dir}.
 */
public final class TestConfigs {
  private TestConfigs() {}

  public static ProcessorConfig load(Path dir, Map<String, String> sets) throws IOException {
    Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1});
    Map<String, String> all = new HashMap<>(sets);
    all.put("model.path", model.toString());
    return ConfigLoader.load(null, Map.of(), all);
  }
}
