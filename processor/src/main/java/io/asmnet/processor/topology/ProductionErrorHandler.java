package io.asmnet.processor.topology;

import io.asmnet.processor.emit.DeadLetterFactory;
import io.asmnet.processor.emit.DeadLetterHeaders;
import io.asmnet.processor.emit.RecordOrigin;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireFormat;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' production exception handler for the processor: an output record that Kafka
 * refuses for what it is (too large for the producer or the topic, invalid) is one record's
 * problem, never the instance's. It is logged, counted ({@link PipelineObserver#productionFailed})
 * and replaced by a small dead letter (the refused record's kind, size and, for a dead letter, the
 * input's coordinates; no payload). If that small dead letter is refused too, it is only logged and
 * counted. Retriable errors are retried; anything else fails as Streams' default handler would.
 *
 * <p>The processor already sizes what it sends to the producer's limit ({@link
 * io.asmnet.processor.emit.RecordLimits}), so this fires when a topic allows less than the
 * producer, e.g. a topic created with the broker's 1 MiB default. Under exactly-once the producer
 * then also aborts its transaction (Kafka's client does that for any failed send), so the cure
 * there is the topic's {@code max.message.bytes}; the log line says which topic.
 *
 * <p>Configured through the Streams properties: {@link #DEAD_LETTER_TOPIC_CONFIG} (a name) and
 * {@link #OBSERVER_CONFIG} (a {@link PipelineObserver} instance, optional).
 */
public final class ProductionErrorHandler implements ProductionExceptionHandler {
  public static final String DEAD_LETTER_TOPIC_CONFIG = "asmnet.dead.letter.topic";
  public static final String OBSERVER_CONFIG = "asmnet.production.observer";

  /** The {@link WireFormat} instance of the topics (optional; single-object by default). */
  public static final String WIRE_FORMAT_CONFIG = "asmnet.production.wire.format";

  /**
   * Header that marks a dead letter made by this handler, so one refused in turn is not replaced
   * again.
   */
  public static final String REPLACEMENT_HEADER = "asmnet.replaces.refused.record";

  // Keys are camera ids; a key longer than this is left out of the replacement.
  private static final int MAX_KEY_BYTES = 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ProductionErrorHandler.class);

  private Serde<DeadLetter> deadLetters = WireSerdes.deadLetter();
  private Serde<PoseEvent> events = WireSerdes.poseEvent();
  private final DeadLetterFactory factory = new DeadLetterFactory(Clock.systemUTC());
  private String deadLetterTopic = "";
  private PipelineObserver observer = PipelineObserver.NONE;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(DEAD_LETTER_TOPIC_CONFIG);
    deadLetterTopic = topic == null ? "" : topic.toString();
    if (configs.get(OBSERVER_CONFIG) instanceof PipelineObserver o) {
      observer = o;
    }
    if (configs.get(WIRE_FORMAT_CONFIG) instanceof WireFormat wire) {
      deadLetters = wire.deadLetters();
      events = wire.poseEvents();
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (!refusesThisRecord(exception)) {
      return exception instanceof RetriableException ? Response.retry() : Response.fail();
    }
    observer.productionFailed(record.topic(), exception.getClass().getSimpleName());
    long size = bytes(record.key()) + bytes(record.value());
    if (record.headers().lastHeader(REPLACEMENT_HEADER) != null || deadLetterTopic.isEmpty()) {
      LOG.error(
          "Kafka refused record of {} bytes for {}; dropped: {}",
          size,
          record.topic(),
          exception.toString());
      return Response.resume();
    }
    LOG.error(
        "Kafka refused record of {} bytes for {}: {}; sending a small dead letter instead"
            + " (check the topic's max.message.bytes)",
        size,
        record.topic(),
        exception.toString());
    return Response.resume(List.of(replacement(context, record, exception, size)));
  }

  private static boolean refusesThisRecord(Exception e) {
    return e instanceof RecordTooLargeException
        || e instanceof RecordBatchTooLargeException
        || e instanceof InvalidRecordException;
  }

  /**
   * The error may arrive asynchronously, when Streams has moved on to later input records, so the
   * coordinates come from the refused record itself: a dead letter carries them; for a pose event
   * only its camera and sequence are known (they name the frame), partition and offset are -1.
   */
  private ProducerRecord<byte[], byte[]> replacement(
      ErrorHandlerContext context,
      ProducerRecord<byte[], byte[]> refused,
      Exception exception,
      long size) {
    byte[] key =
        refused.key() != null && refused.key().length <= MAX_KEY_BYTES ? refused.key() : null;
    String inputTopic = context.topic() == null ? "" : context.topic();
    RecordOrigin origin =
        new RecordOrigin(
            inputTopic, -1, -1, key, refused.timestamp() == null ? 0 : refused.timestamp());
    ErrorKind kind = ErrorKind.INTERNAL;
    String what;
    if (refused.topic().equals(deadLetterTopic)) {
      what = "dead letter";
      try {
        DeadLetter d = deadLetters.deserializer().deserialize(refused.topic(), refused.value());
        kind = d.getErrorKind();
        origin =
            new RecordOrigin(
                d.getSourceTopic(), d.getPartition(), d.getOffset(), key, d.getTimestampMs());
      } catch (RuntimeException e) {
        // Our own bytes; if they cannot be read back, the message still says what was refused.
      }
    } else {
      what = "pose event";
      try {
        PoseEvent e = events.deserializer().deserialize(refused.topic(), refused.value());
        what = "pose event of camera " + e.getCameraId() + " sequence " + e.getSequence();
      } catch (RuntimeException e) {
        // As above.
      }
    }
    String message =
        "Kafka refused the "
            + what
            + " ("
            + size
            + " bytes) for topic "
            + refused.topic()
            + " ("
            + exception.getClass().getSimpleName()
            + ": "
            + exception.getMessage()
            + "); this replacement carries no payload";
    byte[] value =
        deadLetters
            .serializer()
            .serialize(deadLetterTopic, factory.create(origin, kind, message, new byte[0]));
    Headers headers =
        DeadLetterHeaders.with(null, origin, kind, message)
            .add(REPLACEMENT_HEADER, "true".getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(deadLetterTopic, null, refused.timestamp(), key, value, headers);
  }

  private static long bytes(byte[] b) {
    return b == null ? 0 : b.length;
  }
}
