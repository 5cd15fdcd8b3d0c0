package io.asmnet.cli.bench;

import io.asmnet.cli.publish.EncodedFrame;
import io.asmnet.cli.publish.FramePublisher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Publishes a {@link Workload} through the cli's {@link FramePublisher} round-robin over its
 * cameras (camera ids {@code prefix + index}, sequences from 0), either as fast as the producer
 * takes them or paced at {@code fps} frames per second per camera, and remembers when each frame
 * was handed to the producer (its publish time, {@code System.nanoTime}).
 */
final class PacedPublisher implements AutoCloseable {
  private final FramePublisher publisher;
  private final Map<String, Long> publishedNanos = new ConcurrentHashMap<>();

  /**
   * @param clipId copied to every frame, so that the run's results can be told from others
   */
  PacedPublisher(String bootstrap, String topic, String clipId) {
    Map<String, Object> config = FramePublisher.producerDefaults();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0); // latency is measured from the send call
    this.publisher = FramePublisher.create(config, topic, clipId);
  }

  /**
   * Sends {@code perCamera} frames from every camera (looping over its pictures) and waits until
   * the broker acknowledged them all.
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
        List<EncodedFrame> pictures = workload.cameras().get(c);
        String camera = prefix + c;
        publishedNanos.put(key(camera, i), System.nanoTime());
        publisher.publish(camera, pictures.get(i % pictures.size()));
      }
    }
    publisher.flush();
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
    publisher.close();
  }
}
