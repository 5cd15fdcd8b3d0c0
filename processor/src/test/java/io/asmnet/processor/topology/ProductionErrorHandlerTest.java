package io.asmnet.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.emit.DeadLetterFactory;
import io.asmnet.processor.emit.DeadLetterHeaders;
import io.asmnet.processor.emit.RecordOrigin;
import io.asmnet.processor.metrics.PipelineObserver;
import io.asmnet.schemas.avro.DeadLetter;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductionErrorHandlerTest {
  private final ProductionErrorHandler handler = new ProductionErrorHandler();
  private final List<String> counted = new ArrayList<>();
  // Streams' context when an asynchronous error arrives: already a later input record.
  private final ErrorHandlerContext context = new InputContext("frames", 4, 1240, 1005L);

  @BeforeEach
  void configure() {
    PipelineObserver observer =
        new PipelineObserver() {
          @Override
          public void frameProcessed(PoseEvent event) {}

          @Override
          public void deadLetter(ErrorKind kind) {}

          @Override
          public void batchRun(int faces, long queueMicros, long runMicros) {}

          @Override
          public void productionFailed(String topic, String error) {
            counted.add(topic + ":" + error);
          }
        };
    handler.configure(
        Map.of(
            ProductionErrorHandler.DEAD_LETTER_TOPIC_CONFIG,
            "dlq",
            ProductionErrorHandler.OBSERVER_CONFIG,
            observer));
  }

  private static byte[] deadLetter(ErrorKind kind, int payloadBytes) {
    DeadLetter d =
        new DeadLetterFactory(Clock.systemUTC())
            .create(
                new RecordOrigin("frames", 4, 1234, "cam".getBytes(), 999),
                kind,
                "bad",
                new byte[payloadBytes]);
    return WireSerdes.deadLetter().serializer().serialize("dlq", d);
  }

  @Test
  void shouldReplaceARefusedDeadLetterWithASmallOneOfTheSameKindAndCoordinates() {
    byte[] big = deadLetter(ErrorKind.CORRUPT_PAYLOAD, 2 * 1024 * 1024);

    Response r =
        handler.handleError(
            context,
            new ProducerRecord<>("dlq", "cam".getBytes(), big),
            new RecordTooLargeException("too large for the topic"));

    assertThat(r.result()).isEqualTo(Result.RESUME);
    assertThat(r.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> small = r.deadLetterQueueRecords().get(0);
    DeadLetter d = WireSerdes.deadLetter().deserializer().deserialize("dlq", small.value());
    assertThat(small.topic()).isEqualTo("dlq");
    assertThat(small.key()).isEqualTo("cam".getBytes());
    assertThat(small.value().length).isLessThan(4096);
    assertThat(d.getErrorKind()).isEqualTo(ErrorKind.CORRUPT_PAYLOAD);
    assertThat(d.getSourceTopic()).isEqualTo("frames");
    assertThat(d.getPartition()).isEqualTo(4);
    assertThat(d.getOffset()).isEqualTo(1234);
    assertThat(d.getTimestampMs()).isEqualTo(999);
    assertThat(d.getMessage())
        .contains("dead letter (" + (3 + big.length) + " bytes)", "RecordTooLargeException");
    assertThat(small.headers().lastHeader(ProductionErrorHandler.REPLACEMENT_HEADER)).isNotNull();
    assertThat(new String(small.headers().lastHeader(DeadLetterHeaders.ERROR_KIND).value()))
        .isEqualTo("CORRUPT_PAYLOAD");
    assertThat(new String(small.headers().lastHeader(DeadLetterHeaders.PARTITION).value()))
        .isEqualTo("4");
    assertThat(new String(small.headers().lastHeader(DeadLetterHeaders.OFFSET).value()))
        .isEqualTo("1234");
    assertThat(counted).containsExactly("dlq:RecordTooLargeException");
  }

  @Test
  void shouldReplaceARefusedEventWithAnInternalDeadLetter() {
    Response r =
        handler.handleError(
            context,
            new ProducerRecord<>("events", "cam".getBytes(), new byte[5000]),
            new RecordTooLargeException("too large"));
    // (Not a readable event: the message still names size and topic.)

    DeadLetter d =
        WireSerdes.deadLetter()
            .deserializer()
            .deserialize("dlq", r.deadLetterQueueRecords().get(0).value());
    assertThat(r.result()).isEqualTo(Result.RESUME);
    assertThat(d.getErrorKind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(d.getMessage()).contains("pose event (5003 bytes) for topic events");
    assertThat(d.getOffset()).isEqualTo(-1); // unknown: the context may already be a later record
    assertThat(d.getPayload()).isEqualTo(ByteBuffer.allocate(0));
  }

  @Test
  void shouldOnlyCountARefusedReplacementSoItCannotLoop() {
    Headers marked =
        new RecordHeaders().add(ProductionErrorHandler.REPLACEMENT_HEADER, "true".getBytes());

    Response r =
        handler.handleError(
            context,
            new ProducerRecord<>("dlq", null, null, "cam".getBytes(), new byte[10], marked),
            new RecordTooLargeException("still too large"));

    assertThat(r.result()).isEqualTo(Result.RESUME);
    assertThat(r.deadLetterQueueRecords()).isEmpty();
    assertThat(counted).hasSize(1);
  }

  @Test
  void shouldRetryRetriableErrorsAndFailOnOthersAsStreamsWould() {
    ProducerRecord<byte[], byte[]> any = new ProducerRecord<>("events", new byte[1]);

    assertThat(
            handler.handleError(context, any, new NotLeaderOrFollowerException("moved")).result())
        .isEqualTo(Result.RETRY);
    assertThat(handler.handleError(context, any, new AuthorizationException("no")).result())
        .isEqualTo(Result.FAIL);
    assertThat(counted).isEmpty();
  }

  /** The input record's context as Streams hands it to the handler. */
  private record InputContext(String topic, int partition, long offset, long timestamp)
      implements ErrorHandlerContext {
    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "dead-letter-sink";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, partition);
    }

    @Override
    public byte[] sourceRawKey() {
      return null;
    }

    @Override
    public byte[] sourceRawValue() {
      return null;
    }
  }
}
