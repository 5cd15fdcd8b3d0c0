package io.asmnet.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.processor.config.ProcessorConfig;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeException;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * Which dead-letter kinds real input can produce, and that the README says the same. A codec
 * outside the {@code Codec} enum cannot reach a decoder: the record is not a readable Frame.
 */
class DeadLetterKindsTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void shouldFindAFrameWithACodecTheSchemaDoesNotKnowUnreadable() throws IOException {
    String json = Frame.getClassSchema().toString().replace("\"H264\"]", "\"H264\",\"VP9\"]");
    Schema newer = new Schema.Parser().parse(json);
    GenericRecord frame = new GenericData.Record(newer);
    frame.put("cameraId", "cam");
    frame.put("sequence", 0L);
    frame.put("captureTimeMs", 1L);
    frame.put("codec", new GenericData.EnumSymbol(newer.getField("codec").schema(), "VP9"));
    frame.put("keyframe", true);
    frame.put("payload", ByteBuffer.wrap(new byte[] {1, 2, 3}));
    ByteBuffer bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(frame);
    byte[] value = new byte[bytes.remaining()];
    bytes.get(value);
    // The processor's own reader: FrameProcessor turns any failure of it into BAD_SCHEMA.
    var reader =
        Topics.of(new ProcessorConfig.TopicNames("f", "e", "d"))
            .frames()
            .valueSerde()
            .deserializer();

    assertThatThrownBy(() -> reader.deserialize("f", value)).hasMessageContaining("fingerprint");
  }

  @Test
  void shouldCallAFrameWithoutACodecASchemaError() {
    Frame noCodec =
        TestFrames.frame("cam", 0, io.asmnet.schemas.avro.Codec.JPEG, TestFrames.jpeg(50));
    noCodec.setCodec(null); // possible only for a Frame built in code: the wire format has no null

    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      assertThatThrownBy(() -> decoder.decode(noCodec))
          .isInstanceOfSatisfying(
              DecodeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SCHEMA));
    }
  }

  @Test
  void shouldDocumentAsProducedExactlyTheKindsTheProcessorProduces() throws IOException {
    Set<String> produced = new TreeSet<>();
    Pattern use = Pattern.compile("ErrorKind\\.([A-Z_]+)");
    try (Stream<Path> files = Files.walk(ROOT.resolve("processor/src/main/java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = use.matcher(Files.readString(file));
        while (m.find()) {
          produced.add(m.group(1));
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    Set<String> reserved = new TreeSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([a-z_]+)` \\| (.*)$")
            .matcher(Files.readString(ROOT.resolve("README.md")));
    while (row.find()) {
      String kind = row.group(1).toUpperCase(Locale.ROOT);
      if (Set.of(ErrorKind.values()).stream().anyMatch(k -> k.name().equals(kind))) {
        (row.group(2).startsWith("Reserved") ? reserved : documented).add(kind);
      }
    }

    assertThat(documented).isEqualTo(produced);
    assertThat(reserved).containsExactly("UNSUPPORTED_CODEC");
  }
}
