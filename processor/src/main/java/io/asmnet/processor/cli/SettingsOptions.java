package io.asmnet.processor.cli;

import io.asmnet.processor.config.ConfigLoader;
import io.asmnet.processor.config.ProcessorConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that give the processor's settings ({@code @Mixin} of {@code run} and {@code topics},
 * so both read one configuration the same way): a properties file, {@code --set} overrides, and
 * shorthands for the usual ones.
 */
public final class SettingsOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting (repeatable).")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      description = "Same as --set bootstrap.servers=...")
  String bootstrapServers;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Same as --set model.path=... (an exported .onnx file).")
  Path model;

  @Option(
      names = "--kafka-timeout",
      paramLabel = "SECONDS",
      description =
          "Give up on an unreachable broker at start after this long; same as --set broker.timeout.s=..."
              + " (default 15).")
  Integer kafkaTimeout;

  /**
   * The configuration: defaults < file < {@code env} < these options.
   *
   * @throws io.asmnet.processor.config.ConfigException naming every bad setting
   */
  ProcessorConfig load(Map<String, String> env) {
    return ConfigLoader.load(configFile, env, overrides());
  }

  private Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>(sets);
    if (bootstrapServers != null) {
      o.put("bootstrap.servers", bootstrapServers);
    }
    if (model != null) {
      o.put("model.path", model.toString());
    }
    if (kafkaTimeout != null) {
      o.put("broker.timeout.s", kafkaTimeout.toString());
    }
    return o;
  }
}
