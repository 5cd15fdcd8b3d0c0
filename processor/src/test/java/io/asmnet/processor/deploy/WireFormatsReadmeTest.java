package io.asmnet.processor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.topology.TestFrames;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.serde.AvroSerde;
import io.asmnet.schemas.serde.WireSerdes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The README's "Wire formats" section states the fingerprints and header bytes the code really
 * writes (so they cannot go stale when a schema changes), and its Python example stays ten lines.
 */
class WireFormatsReadmeTest {

  private static String section() throws IOException {
    String readme = Files.readString(Commands.repositoryRoot().resolve("README.md"));
    int start = readme.indexOf("\n## Wire formats\n");
    assertThat(start).as("README has a Wire formats section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void shouldStateTheFingerprintsAndHeadersOfTheShippedSchemas() throws IOException {
    String section = section();
    byte[] frame =
        WireSerdes.frame().encode(TestFrames.frame("cam", 0, Codec.JPEG, new byte[] {1}));
    byte[] letter =
        WireSerdes.deadLetter()
            .encode(
                DeadLetter.newBuilder()
                    .setSourceTopic("frames")
                    .setPartition(0)
                    .setOffset(0)
                    .setTimestampMs(0)
                    .setErrorKind(ErrorKind.BAD_SCHEMA)
                    .setMessage("m")
                    .setKey(null)
                    .setPayload(ByteBuffer.allocate(0))
                    .build());

    for (AvroSerde<?> serde :
        List.of(WireSerdes.frame(), WireSerdes.poseEvent(), WireSerdes.deadLetter())) {
      long fingerprint = SchemaNormalization.parsingFingerprint64(serde.schema());
      assertThat(serde.fingerprint()).isEqualTo(fingerprint);
      String header = header(fingerprint);
      assertThat(section)
          .as(serde.schema().getFullName())
          .contains(
              "| `"
                  + serde.schema().getFullName()
                  + "` | `"
                  + String.format("0x%016x", fingerprint)
                  + "` | `"
                  + header
                  + "` |");
    }
    // What the encoders really put first: the marker, then the fingerprint little-endian.
    assertThat(hex(Arrays.copyOf(frame, 10))).isEqualTo(header(WireSerdes.frame().fingerprint()));
    assertThat(hex(Arrays.copyOf(letter, 10)))
        .isEqualTo(header(WireSerdes.deadLetter().fingerprint()));
  }

  @Test
  void shouldKeepThePythonExampleToTenLines() throws IOException {
    String section = section();
    int start = section.indexOf("```python\n");
    int end = section.indexOf("```", start + 10);
    List<String> lines =
        section.substring(start + 10, end).lines().filter(l -> !l.isBlank()).toList();

    assertThat(lines).hasSizeLessThanOrEqualTo(10);
    assertThat(String.join("\n", lines))
        .contains("PoseEvent.avsc", "b\"\\xc3\\x01\"", "value[10:]", "value[5:]");
  }

  private static String header(long fingerprint) {
    byte[] bytes = new byte[10];
    bytes[0] = (byte) 0xC3;
    bytes[1] = 0x01;
    for (int i = 0; i < 8; i++) {
      bytes[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return hex(bytes);
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(sb.length() == 0 ? "" : " ").append(String.format("%02X", b));
    }
    return sb.toString();
  }
}
