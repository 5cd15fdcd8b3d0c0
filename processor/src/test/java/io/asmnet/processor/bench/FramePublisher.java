package io.asmnet.processor.bench;

import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes a {@link Workload} round-robin over its cameras (camera ids {@code prefix + index},
 * key = camera id), either as fast as the producer takes them or paced at {@code fps} frames per
 * second per camera, and remembers when each frame was handed to the producer (its publish time).
 */
final class FramePublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final Serializer<Frame> serializer = WireSerdes.frame().serializer();
  private final String topic;
  private final ConcurrentHashMap<String, Long> publishedNanos = new ConcurrentHashMap<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  FramePublisher(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0"); // latency is measured from the send call
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 << 20));
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  /**
   * Sends {@code perCamera} frames from every camera, sequence numbers from 0.
   *
   * @param fps frames per second per camera; 0 = as fast as possible
   */
  void publish(Workload workload, String prefix, int perCamera, double fps) {
    long start = System.nanoTime();
    for (int i = 0; i < perCamera; i++) {
      if (fps > 0) {
        long due = start + (long) (i * 1e9 / fps);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      for (int c = 0; c < workload.cameras().size(); c++) {
        var pictures = workload.cameras().get(c);
        String camera = prefix + c;
        Frame frame = pictures.get(i % pictures.size()).frame(camera, i, System.currentTimeMillis());
        byte[] value = serializer.serialize(topic, frame);
        publishedNanos.put(key(camera, i), System.nanoTime());
        producer.send(new ProducerRecord<>(topic, camera.getBytes(StandardCharsets.UTF_8), value), (meta, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e); // the producer's thread: report it from publish()
          }
        });
      }
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException("publishing frames failed: " + failure.get().getMessage(), failure.get());
    }
  }

  /** When frame {@code sequence} of {@code camera} was sent (System.nanoTime), or null. */
  Long publishedAt(String camera, long sequence) {
    return publishedNanos.get(key(camera, sequence));
  }

  private static String key(String camera, long sequence) {
    return camera + '/' + sequence;
  }

  @Override
  public void close() {
    producer.close();
  }
}
