package io.asmnet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.schemas.avro.Frame;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confluent framing without a registry that answers: what the header alone decides, and a registry
 * that is not there. (The round trip against a real registry is the processor's
 * RegistryWireFormatIT.)
 */
class RegistrySerdeTest {
  private int closedPort;
  private WireFormat wire;

  @BeforeEach
  void givenARegistryThatDoesNotAnswer() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    wire = WireFormat.registry(RegistrySettings.of("http://127.0.0.1:" + closedPort, Map.of()));
  }

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void shouldNameTheFramingOfBytesThatAreNotConfluentFramed() {
    byte[] singleObject = WireSerdes.frame().encode(Samples.frame());

    assertThatThrownBy(() -> wire.frames().deserializer().deserialize("frames", singleObject))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(
            "wrong magic byte C3: expected 00 (Confluent Schema Registry framing) for a"
                + " io.asmnet.schemas.avro.Frame (C3 01 is Avro single-object encoding: serde.format=single-object)");
    assertThatThrownBy(
            () -> wire.frames().deserializer().deserialize("frames", new byte[] {0, 0, 1}))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("truncated header: 3 bytes");
    assertThatThrownBy(() -> wire.frames().deserializer().deserialize("frames", new byte[0]))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("empty payload");
  }

  @Test
  void shouldSayTheRegistryFailedNotTheRecordWhenItDoesNotAnswer() {
    assertThatThrownBy(
            () -> wire.frames().deserializer().deserialize("frames", new byte[] {0, 0, 0, 0, 1, 2}))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(WireFormatException.class)
        .hasMessageContaining(
            "cannot look up schema id 1 in the registry at http://127.0.0.1:"
                + closedPort
                + "/apis/registry/v2");
    assertThatThrownBy(
            () -> wire.poseEvents().serializer().serialize("pose-events", Samples.poseEvent()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining(
            "cannot register the io.asmnet.schemas.avro.PoseEvent schema for topic pose-events");
  }

  @Test
  void shouldAcceptTheRegistryUrlsPeopleGiveAndRefuseOthers() {
    assertThat(RegistrySettings.of("http://r:8080/apis/ccompat/v6", Map.of()).apiUrl())
        .isEqualTo("http://r:8080/apis/registry/v2");
    assertThat(RegistrySettings.of("https://proxy/registry/apis/ccompat/v7/", Map.of()).apiUrl())
        .isEqualTo("https://proxy/registry/apis/registry/v2");
    assertThatThrownBy(() -> RegistrySettings.of("localhost:8080", Map.of()))
        .hasMessageContaining("is not an http:// or https:// URL with a host");
    assertThatThrownBy(() -> RegistrySettings.of("http://r:8080/v1", Map.of()))
        .hasMessageContaining("is not an Apicurio Registry URL");
  }

  @Test
  void shouldLetExtraSettingsOverrideTheDefaults() {
    Map<String, Object> config =
        RegistrySettings.of("http://r:8080", Map.of("apicurio.registry.auto-register", "false"))
            .serdeConfig();

    assertThat(config)
        .containsEntry("apicurio.registry.auto-register", "false")
        .containsEntry("apicurio.registry.as-confluent", true)
        .containsEntry("apicurio.registry.headers.enabled", false);
  }

  @Test
  void shouldSortExtraSingleObjectSchemasByTypeAndRefuseOthers() {
    Schema newer =
        new Schema.Parser()
            .parse(
                Frame.getClassSchema()
                    .toString()
                    .replace(
                        "\"fields\":[",
                        "\"fields\":[{\"name\":\"exposureUs\",\"type\":[\"null\",\"long\"],\"default\":null},"));
    try (WireFormat single = WireFormat.singleObject(List.of(newer))) {
      assertThat(single.frames().toString()).contains(WireTypes.hex(WireTypes.fingerprint(newer)));
      assertThat(single.poseEvents().toString())
          .doesNotContain(WireTypes.hex(WireTypes.fingerprint(newer)));
    }
    Schema other =
        new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"x.Other\",\"fields\":[]}");
    assertThatThrownBy(() -> WireFormat.singleObject(List.of(other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema x.Other is not a version of");
  }
}
