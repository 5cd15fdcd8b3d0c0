package io.asmnet.processor.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadLetterFactoryTest {
  private final DeadLetterFactory factory =
      new DeadLetterFactory(Clock.fixed(Instant.ofEpochMilli(99), ZoneOffset.UTC));

  @Test
  void shouldKeepTheRecordContextAndTheOriginalBytes() {
    RecordOrigin origin = new RecordOrigin("frames", 3, 42, new byte[] {'c', '1'}, 1_234);

    DeadLetter d = factory.create(origin, ErrorKind.OVERSIZED, "too big", new byte[] {9, 8, 7});

    assertThat(d.getSourceTopic()).isEqualTo("frames");
    assertThat(d.getPartition()).isEqualTo(3);
    assertThat(d.getOffset()).isEqualTo(42);
    assertThat(d.getKey()).isEqualTo(ByteBuffer.wrap(new byte[] {'c', '1'}));
    assertThat(d.getTimestampMs()).isEqualTo(1_234);
    assertThat(d.getErrorKind()).isEqualTo(ErrorKind.OVERSIZED);
    assertThat(d.getMessage()).isEqualTo("too big");
    assertThat(d.getPayload()).isEqualTo(ByteBuffer.wrap(new byte[] {9, 8, 7}));
    assertThat(d.getFailedTimeMs()).isEqualTo(99);
  }

  @Test
  void shouldAcceptATombstoneWithoutKeyOrMessage() {
    DeadLetter d =
        factory.create(new RecordOrigin("frames", 0, 1, null, 0), ErrorKind.BAD_SCHEMA, null, null);

    assertThat(d.getKey()).isNull();
    assertThat(d.getPayload().remaining()).isZero();
    assertThat(d.getMessage()).isEqualTo("BAD_SCHEMA");
  }
}
