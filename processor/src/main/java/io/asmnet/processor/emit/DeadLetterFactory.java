package io.asmnet.processor.emit;

import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import java.nio.ByteBuffer;
import java.time.Clock;

/** Builds the {@link DeadLetter} for an input record that cannot become a pose event. */
public final class DeadLetterFactory {
  private final Clock clock;

  /**
   * @param clock gives {@code failedTimeMs}
   */
  public DeadLetterFactory(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param payload the original value bytes, byte for byte (null, for a tombstone, becomes empty)
   * @param message what went wrong, for a person (null becomes the kind's name)
   */
  public DeadLetter create(RecordOrigin origin, ErrorKind kind, String message, byte[] payload) {
    return DeadLetter.newBuilder()
        .setSourceTopic(origin.topic())
        .setPartition(origin.partition())
        .setOffset(origin.offset())
        .setKey(origin.key() == null ? null : ByteBuffer.wrap(origin.key()))
        .setTimestampMs(origin.timestampMs())
        .setErrorKind(kind)
        .setMessage(message == null || message.isBlank() ? kind.name() : message)
        .setPayload(ByteBuffer.wrap(payload == null ? new byte[0] : payload))
        .setFailedTimeMs(clock.millis())
        .build();
  }
}
