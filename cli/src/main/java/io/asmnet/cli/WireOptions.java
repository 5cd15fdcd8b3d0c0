package io.asmnet.cli;

import io.asmnet.schemas.serde.RegistrySettings;
import io.asmnet.schemas.serde.WireFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How the commands frame the values they write and read ({@code @Mixin}), as the processor's {@code
 * serde.format} and {@code schema.registry.url} do, read from the same {@code ASMNET_*} variables
 * by default: single-object encoding, or Confluent framing against a schema registry. Commands and
 * processor must agree, or every frame becomes a dead letter that says so.
 */
public final class WireOptions {

  @Option(
      names = "--serde-format",
      paramLabel = "FORMAT",
      defaultValue = "${env:ASMNET_SERDE_FORMAT:-single-object}",
      description =
          "single-object (Avro single-object encoding, no registry) or registry (Confluent framing against"
              + " --schema-registry-url); as the processor's serde.format (default: $ASMNET_SERDE_FORMAT or single-object).")
  private String format;

  @Option(
      names = "--schema-registry-url",
      paramLabel = "URL",
      defaultValue = "${env:ASMNET_SCHEMA_REGISTRY_URL}",
      description =
          "The Apicurio Registry for --serde-format registry, e.g. http://localhost:8080"
              + " (default: $ASMNET_SCHEMA_REGISTRY_URL).")
  private String registryUrl;

  /** True with {@code --serde-format registry}. */
  public boolean registry() {
    return "registry".equals(format);
  }

  /**
   * A new wire format of these options; the caller closes it.
   *
   * @throws CommandFailure (usage) an unknown format, a registry format without a URL, a bad URL
   */
  public WireFormat open() {
    return registry() ? WireFormat.registry(registrySettings()) : checkedSingleObject();
  }

  /** The processor settings that select the same framing (for the processor a command starts). */
  public Map<String, String> processorSettings() {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("serde.format", registry() ? "registry" : checkedFormat());
    if (registry()) {
      sets.put("schema.registry.url", registrySettings().apiUrl());
    }
    return sets;
  }

  private WireFormat checkedSingleObject() {
    checkedFormat();
    // A URL is ignored here: it may come from ASMNET_SCHEMA_REGISTRY_URL, set for other commands.
    return WireFormat.singleObject();
  }

  private String checkedFormat() {
    if (!"single-object".equals(format) && !"registry".equals(format)) {
      throw CommandFailure.usage(
          "--serde-format: '" + format + "' is not one of single-object, registry");
    }
    return format;
  }

  private RegistrySettings registrySettings() {
    if (registryUrl == null || registryUrl.isBlank()) {
      throw CommandFailure.usage(
          "--serde-format registry needs --schema-registry-url (or ASMNET_SCHEMA_REGISTRY_URL)");
    }
    try {
      return RegistrySettings.of(registryUrl, Map.of());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage("--schema-registry-url: " + e.getMessage());
    }
  }
}
