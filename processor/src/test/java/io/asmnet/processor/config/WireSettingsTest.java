package io.asmnet.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.schemas.avro.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire-format settings: serde.format, schema.registry.url, serde.extra.schemas.dir, apicurio.*.
 */
class WireSettingsTest {
  /** Frame with one optional field more: what a producer in another language may add. */
  static final String EVOLVED_FRAME =
      Frame.getClassSchema()
          .toString()
          .replace(
              "\"fields\":[",
              "\"fields\":[{\"name\":\"exposureUs\",\"type\":[\"null\",\"long\"],\"default\":null},");

  @TempDir Path dir;
  private Path model;

  @BeforeEach
  void givenAModelFile() throws IOException {
    model = Files.write(dir.resolve("m.onnx"), new byte[] {1, 2, 3});
  }

  private ProcessorConfig load(Map<String, String> sets) {
    Map<String, String> all = new HashMap<>(Map.of("model.path", model.toString()));
    all.putAll(sets);
    return ConfigLoader.load(null, Map.of(), all);
  }

  private String problemsOf(Map<String, String> sets) {
    try {
      load(sets);
    } catch (ConfigException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("expected a ConfigException for " + sets);
  }

  @Test
  void shouldDefaultToSingleObjectWithoutRegistryOrExtraSchemas() {
    ProcessorConfig.Wire wire = load(Map.of()).wire();

    assertThat(wire.format()).isEqualTo(SerdeFormat.SINGLE_OBJECT);
    assertThat(wire.registry()).isNull();
    assertThat(wire.extraSchemas()).isEmpty();
    assertThat(ConfigLoader.knownKeys())
        .containsEntry("serde.format", "single-object")
        .containsEntry("schema.registry.url", "")
        .containsEntry("serde.extra.schemas.dir", "");
  }

  @Test
  void shouldReadTheRegistryUrlAsPeopleWriteIt() {
    Map<String, String> base = Map.of("serde.format", "registry");
    for (String url :
        new String[] {
          "http://registry:8080",
          "http://registry:8080/",
          "http://registry:8080/apis/ccompat/v7",
          "http://registry:8080/apis/registry/v2"
        }) {
      Map<String, String> sets = new HashMap<>(base);
      sets.put("schema.registry.url", url);
      assertThat(load(sets).wire().registry().apiUrl())
          .as(url)
          .isEqualTo("http://registry:8080/apis/registry/v2");
    }
  }

  @Test
  void shouldPassApicurioSettingsToTheRegistrySerdes() {
    ProcessorConfig.Wire wire =
        load(Map.of(
                "serde.format",
                "registry",
                "schema.registry.url",
                "https://r.example.com",
                "apicurio.auth.username",
                "asmnet"))
            .wire();

    assertThat(wire.registry().extra()).containsEntry("apicurio.auth.username", "asmnet");
  }

  @Test
  void shouldNameTheSettingWhenTheRegistryIsMissingOrMalformed() {
    assertThat(problemsOf(Map.of("serde.format", "registry")))
        .contains("schema.registry.url: must be set with serde.format=registry");
    assertThat(
            problemsOf(Map.of("serde.format", "registry", "schema.registry.url", "registry:8080")))
        .contains(
            "schema.registry.url: 'registry:8080' is not an http:// or https:// URL with a host");
    assertThat(
            problemsOf(
                Map.of("serde.format", "registry", "schema.registry.url", "http://r:8080/api/v1")))
        .contains("schema.registry.url: 'http://r:8080/api/v1' is not an Apicurio Registry URL");
    assertThat(problemsOf(Map.of("serde.format", "avro")))
        .contains("serde.format: 'avro' is not one of single-object, registry");
  }

  @Test
  void shouldRefuseSettingsThatDoNotApplyToTheChosenFormat() {
    assertThat(problemsOf(Map.of("schema.registry.url", "http://r:8080")))
        .contains("schema.registry.url: applies to serde.format=registry only");
    assertThat(problemsOf(Map.of("apicurio.auth.username", "x")))
        .contains(
            "apicurio.auth.username: Apicurio serde settings apply to serde.format=registry only");
    assertThat(
            problemsOf(
                Map.of(
                    "serde.format",
                    "registry",
                    "schema.registry.url",
                    "http://r:8080",
                    "serde.extra.schemas.dir",
                    dir.toString())))
        .contains("serde.extra.schemas.dir: applies to serde.format=single-object only");
  }

  @Test
  void shouldLoadEveryWriterSchemaOfTheFolder() throws IOException {
    Path schemas = Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(schemas.resolve("frame-v2.avsc"), EVOLVED_FRAME);
    Files.writeString(schemas.resolve("notes.txt"), "not a schema, not read");

    ProcessorConfig.Wire wire = load(Map.of("serde.extra.schemas.dir", schemas.toString())).wire();

    assertThat(wire.extraSchemas()).hasSize(1);
    assertThat(wire.extraSchemas().get(0).getField("exposureUs")).isNotNull();
    assertThat(wire.extraSchemasDir()).isEqualTo(schemas);
  }

  @Test
  void shouldNameTheFileThatIsNotAUsableWriterSchema() throws IOException {
    Path schemas = Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(schemas.resolve("broken.avsc"), "{\"type\": \"record\", \"name\": ");
    Files.writeString(
        schemas.resolve("other.avsc"), "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[]}");
    // A required field without a default: old frames could not be read with it, nor it as a Frame.
    Files.writeString(
        schemas.resolve("required.avsc"),
        Frame.getClassSchema()
            .toString()
            .replace("\"fields\":[", "\"fields\":[{\"name\":\"exposureUs\",\"type\":\"long\"},")
            .replace("{\"name\":\"cameraId\"", "{\"name\":\"cameraName\""));

    String problems = problemsOf(Map.of("serde.extra.schemas.dir", schemas.toString()));

    assertThat(problems)
        .contains(
            "serde.extra.schemas.dir: "
                + schemas.resolve("broken.avsc").toAbsolutePath()
                + " is not an Avro schema");
    assertThat(problems)
        .contains(
            schemas.resolve("other.avsc").toAbsolutePath() + ": schema Other is not a version of");
    assertThat(problems)
        .contains(schemas.resolve("required.avsc").toAbsolutePath() + ": writer schema")
        .contains("cannot be read as io.asmnet.schemas.avro.Frame");
    assertThat(problemsOf(Map.of("serde.extra.schemas.dir", dir.resolve("missing").toString())))
        .contains(
            "serde.extra.schemas.dir: "
                + dir.resolve("missing").toAbsolutePath()
                + " is not a folder");
  }
}
