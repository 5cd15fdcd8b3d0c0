package io.asmnet.processor.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterEncoderTest {
  private static final int PAYLOAD_LIMIT = 1024 * 1024;
  private final int maxRecordBytes = RecordLimits.maxRecordBytes(PAYLOAD_LIMIT);
  private final DeadLetterEncoder encoder =
      new DeadLetterEncoder(
          new DeadLetterFactory(Clock.systemUTC()),
          WireSerdes.deadLetter().serializer(),
          maxRecordBytes);
  private final RecordOrigin origin =
      new RecordOrigin("frames", 2, 77, "cam".getBytes(StandardCharsets.UTF_8), 5);

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private static DeadLetter read(DeadLetterEncoder.Encoded e) {
    return WireSerdes.deadLetter().deserializer().deserialize("dlq", e.value());
  }

  @Test
  void shouldKeepAWholeFrameWithinThePayloadLimitWhole() {
    // A frame value: the payload at the limit plus the Frame's own fields.
    byte[] value = random(PAYLOAD_LIMIT + 300);

    DeadLetterEncoder.Encoded e =
        encoder.encode("dlq", origin, ErrorKind.CORRUPT_PAYLOAD, "bad", value, new RecordHeaders());

    assertThat(e.truncated()).isFalse();
    assertThat(read(e).getPayload()).isEqualTo(ByteBuffer.wrap(value));
    assertThat(RecordLimits.recordBytes(e.key(), e.value(), e.headers()))
        .isLessThanOrEqualTo(maxRecordBytes);
  }

  @Test
  void shouldCutARecordThatCannotFitToItsCoordinatesSizeAndAPrefix() {
    byte[] value = random(3 * PAYLOAD_LIMIT);

    DeadLetterEncoder.Encoded e =
        encoder.encode("dlq", origin, ErrorKind.OVERSIZED, "too big", value, new RecordHeaders());

    DeadLetter d = read(e);
    assertThat(e.truncated()).isTrue();
    assertThat(RecordLimits.recordBytes(e.key(), e.value(), e.headers()))
        .isLessThanOrEqualTo(maxRecordBytes);
    assertThat(d.getErrorKind()).isEqualTo(ErrorKind.OVERSIZED);
    assertThat(d.getPartition()).isEqualTo(2);
    assertThat(d.getOffset()).isEqualTo(77);
    assertThat(d.getKey()).isEqualTo(ByteBuffer.wrap("cam".getBytes(StandardCharsets.UTF_8)));
    assertThat(d.getPayload())
        .isEqualTo(ByteBuffer.wrap(Arrays.copyOf(value, DeadLetterEncoder.PAYLOAD_PREFIX_BYTES)));
    assertThat(d.getMessage())
        .startsWith("too big")
        .contains("first 16384 of the original " + value.length + " bytes");
    assertThat(
            new String(
                e.headers().lastHeader(DeadLetterEncoder.ORIGINAL_BYTES_HEADER).value(),
                StandardCharsets.UTF_8))
        .isEqualTo(String.valueOf(value.length));
  }

  @Test
  void shouldLeaveOutAKeyTooLargeToFit() {
    RecordOrigin hugeKey = new RecordOrigin("frames", 0, 1, random(2 * PAYLOAD_LIMIT), 5);

    DeadLetterEncoder.Encoded e =
        encoder.encode(
            "dlq", hugeKey, ErrorKind.BAD_SCHEMA, "bad", random(100), new RecordHeaders());

    assertThat(RecordLimits.recordBytes(e.key(), e.value(), e.headers()))
        .isLessThanOrEqualTo(maxRecordBytes);
    assertThat(e.key()).isNull();
    assertThat(read(e).getMessage()).contains("key of " + 2 * PAYLOAD_LIMIT + " bytes left out");
    assertThat(read(e).getOffset()).isEqualTo(1);
  }

  @Test
  void shouldDeriveTheRecordLimitFromThePayloadLimit() {
    assertThat(RecordLimits.maxRecordBytes(8 * 1024 * 1024))
        .isEqualTo(8 * 1024 * 1024 + RecordLimits.ENVELOPE_BYTES);
    assertThat(RecordLimits.maxRecordBytes(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
  }
}
