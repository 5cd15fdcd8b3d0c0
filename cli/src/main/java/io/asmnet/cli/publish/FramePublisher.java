package io.asmnet.cli.publish;

import io.asmnet.cli.CommandFailure;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.serde.SchemaRegistryException;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns {@link EncodedFrame}s into {@link Frame} records on a topic, key = camera id. Each camera
 * gets its own sequence from 0; {@code captureTimeMs} is the wall-clock time of publishing (a
 * camera would stamp the capture; a replayed file has no capture time of its own). Sends are
 * asynchronous; the first failure is thrown by the next {@link #publish} or {@link #flush}. Owns
 * the producer. Not thread-safe.
 */
public final class FramePublisher implements AutoCloseable {
  /** Largest request the producer sends: 10 MiB (topic max.message.bytes must allow the frames). */
  public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

  private final Producer<String, Frame> producer;
  private final String topic;
  private final String clipId;
  private final Map<String, Long> nextSequence = new HashMap<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong acked = new AtomicLong();
  private long sent;
  private long bytes;

  /**
   * @param producer this publisher closes it
   * @param clipId copied to every frame, or null
   */
  public FramePublisher(Producer<String, Frame> producer, String topic, String clipId) {
    this.producer = producer;
    this.topic = topic;
    this.clipId = clipId;
  }

  /**
   * A publisher with its own {@link KafkaProducer} configured from {@code config}, single-object
   * frames.
   */
  public static FramePublisher create(Map<String, Object> config, String topic, String clipId) {
    return create(config, topic, clipId, WireSerdes.frame().serializer());
  }

  /**
   * As above, frames written by {@code values} (a {@link io.asmnet.schemas.serde.WireFormat}'s).
   */
  public static FramePublisher create(
      Map<String, Object> config, String topic, String clipId, Serializer<Frame> values) {
    return new FramePublisher(
        new KafkaProducer<>(config, WireSerdes.cameraKey().serializer(), values), topic, clipId);
  }

  /**
   * Producer settings for frames: idempotent, acks=all (no loss, no duplicates, order kept per
   * camera), a short linger to batch small frames, and requests up to {@link #MAX_REQUEST_BYTES}.
   */
  public static Map<String, Object> producerDefaults() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * MAX_REQUEST_BYTES);
    return config;
  }

  /** Sends {@code frame} as the next frame of {@code cameraId}; returns the record sent. */
  public Frame publish(String cameraId, EncodedFrame frame) {
    throwIfFailed();
    long sequence = nextSequence.merge(cameraId, 1L, Long::sum) - 1;
    Frame record =
        Frame.newBuilder()
            .setCameraId(cameraId)
            .setSequence(sequence)
            .setCaptureTimeMs(System.currentTimeMillis())
            .setCodec(frame.codec())
            .setWidth(frame.width())
            .setHeight(frame.height())
            .setKeyframe(frame.keyframe())
            .setPayload(ByteBuffer.wrap(frame.payload()))
            .setClipId(clipId)
            .build();
    try {
      producer.send(
          new ProducerRecord<>(topic, cameraId, record),
          (meta, e) -> {
            if (e == null) {
              acked.incrementAndGet();
            } else {
              failure.compareAndSet(null, e);
            }
          });
    } catch (KafkaException e) {
      throw rejected(e);
    } catch (SchemaRegistryException e) {
      throw CommandFailure.error(e.getMessage(), e);
    }
    sent++;
    bytes += frame.payload().length;
    return record;
  }

  /** Waits until every frame sent is acknowledged; throws the first failure. */
  public void flush() {
    try {
      producer.flush();
    } catch (KafkaException e) {
      throw rejected(e);
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw rejected(e);
    }
  }

  private CommandFailure rejected(Exception e) {
    String hint =
        e instanceof RecordTooLargeException
            ? " (a frame is larger than the producer's max.request.size or the topic's max.message.bytes:"
                + " raise them, or lower --jpeg-quality)"
            : "";
    return CommandFailure.error(
        "Kafka did not accept a frame for topic " + topic + ": " + e.getMessage() + hint, e);
  }

  /** Frames handed to the producer. */
  public long sent() {
    return sent;
  }

  /** Frames the broker acknowledged. */
  public long acknowledged() {
    return acked.get();
  }

  /** Payload bytes handed to the producer. */
  public long payloadBytes() {
    return bytes;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
