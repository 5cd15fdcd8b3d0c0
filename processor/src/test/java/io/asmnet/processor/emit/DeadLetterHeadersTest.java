package io.asmnet.processor.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Random;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {
  private static final int PAYLOAD_LIMIT = 1024 * 1024;
  private final DeadLetterEncoder encoder =
      new DeadLetterEncoder(
          new DeadLetterFactory(Clock.systemUTC()),
          WireSerdes.deadLetter().serializer(),
          RecordLimits.maxRecordBytes(PAYLOAD_LIMIT));
  private final RecordOrigin origin =
      new RecordOrigin("frames", 3, 1234, "cam".getBytes(StandardCharsets.UTF_8), 5);

  private static String header(Headers headers, String key) {
    return headers.lastHeader(key) == null
        ? null
        : new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldCarryKindMessageAndSourceCoordinatesAsHeaders() {
    Headers original =
        new RecordHeaders().add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));

    DeadLetterEncoder.Encoded e =
        encoder.encode(
            "dlq", origin, ErrorKind.CORRUPT_PAYLOAD, "not a JPEG", new byte[10], original);

    assertThat(header(e.headers(), DeadLetterHeaders.ERROR_KIND)).isEqualTo("CORRUPT_PAYLOAD");
    assertThat(header(e.headers(), DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("not a JPEG");
    assertThat(header(e.headers(), DeadLetterHeaders.TOPIC)).isEqualTo("frames");
    assertThat(header(e.headers(), DeadLetterHeaders.PARTITION)).isEqualTo("3");
    assertThat(header(e.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("1234");
    assertThat(header(e.headers(), "traceparent")).isEqualTo("00-abc");
    assertThat(original.toArray()).hasSize(1); // the input record's headers are not changed
  }

  @Test
  void shouldCapTheMessageHeaderButKeepTheWholeMessageInTheValue() {
    String longMessage = "x".repeat(3000);

    DeadLetterEncoder.Encoded e =
        encoder.encode(
            "dlq", origin, ErrorKind.INTERNAL, longMessage, new byte[10], new RecordHeaders());

    assertThat(header(e.headers(), DeadLetterHeaders.ERROR_MESSAGE))
        .hasSize(DeadLetterHeaders.MAX_MESSAGE_CHARS + 3)
        .endsWith("...");
    assertThat(WireSerdes.deadLetter().deserializer().deserialize("dlq", e.value()).getMessage())
        .isEqualTo(longMessage);
  }

  @Test
  void shouldReplaceTheHeadersOfADeadLetterThatIsProcessedAgain() {
    Headers earlier =
        DeadLetterHeaders.with(
            null, new RecordOrigin("other", 0, 9, null, 0), ErrorKind.BAD_SCHEMA, "old");

    Headers now = DeadLetterHeaders.with(earlier, origin, ErrorKind.OVERSIZED, "new");

    assertThat(now.headers(DeadLetterHeaders.ERROR_KIND)).hasSize(1);
    assertThat(header(now, DeadLetterHeaders.ERROR_KIND)).isEqualTo("OVERSIZED");
    assertThat(header(now, DeadLetterHeaders.TOPIC)).isEqualTo("frames");
  }

  @Test
  void shouldKeepTheHeadersOnADeadLetterCutToFit() {
    byte[] huge = new byte[3 * PAYLOAD_LIMIT];
    new Random(1).nextBytes(huge);

    DeadLetterEncoder.Encoded e =
        encoder.encode("dlq", origin, ErrorKind.OVERSIZED, "too big", huge, new RecordHeaders());

    assertThat(e.truncated()).isTrue();
    assertThat(header(e.headers(), DeadLetterHeaders.ERROR_KIND)).isEqualTo("OVERSIZED");
    assertThat(header(e.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("1234");
    assertThat(header(e.headers(), DeadLetterEncoder.TRUNCATED_HEADER)).isEqualTo("true");
  }
}
