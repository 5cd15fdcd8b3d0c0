package io.asmnet.processor.metrics;

import io.asmnet.processor.decode.ClipUnit;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.serde.WireSerdes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps real frames flowing into the frames topic from a background thread until closed, one record
 * every {@code period}: an H.264 clip looped as camera {@code clip} (the tracker follows its face
 * between detections), JPEG photos each shown three times in a row as camera {@code photo-N}, and
 * now and then a broken record (random bytes: {@code bad_schema}; a cut JPEG: {@code
 * corrupt_payload}) so the dead-letter series move. Capture times are the send time.
 */
final class FrameTraffic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrameTraffic.class);
  static final String CLIP_CAMERA = "clip";
  private static final int PHOTO_REPEATS = 3;
  private static final int BROKEN_EVERY = 10;

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final List<ClipUnit> clip;
  private final List<byte[]> photos;
  private final Duration period;
  private final Map<String, Long> sequences = new HashMap<>();
  private final Random random = new Random(7);
  private final AtomicLong sent = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Exception failure;

  FrameTraffic(
      Producer<byte[], byte[]> producer,
      String topic,
      List<ClipUnit> clip,
      List<byte[]> photos,
      Duration period) {
    if (clip.isEmpty() || !clip.get(0).keyframe() || photos.isEmpty()) {
      throw new IllegalArgumentException(
          "need a clip starting with a keyframe and at least one photo");
    }
    this.producer = producer;
    this.topic = topic;
    this.clip = List.copyOf(clip);
    this.photos = List.copyOf(photos);
    this.period = period;
    this.thread = new Thread(this::run, "frame-traffic");
  }

  FrameTraffic start() {
    thread.start();
    return this;
  }

  /** Records sent so far. */
  long sent() {
    return sent.get();
  }

  private void run() {
    try {
      for (long step = 0; running; step++) {
        send(step);
        sent.incrementAndGet();
        Thread.sleep(period.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error("frame traffic stopped", e);
      failure = e;
    }
  }

  private void send(long step) throws Exception {
    if (step % BROKEN_EVERY == BROKEN_EVERY - 1) {
      boolean random = (step / BROKEN_EVERY) % 2 == 0;
      // The cut JPEG is a valid Frame of camera "cut", keyed as such (a key that is not the
      // frame's camera id would make it a bad_schema dead letter instead).
      byte[] value = random ? randomBytes() : cutJpeg();
      producer
          .send(new ProducerRecord<>(topic, (random ? "broken" : "cut").getBytes(), value))
          .get();
    } else if (step % 2 == 0) {
      ClipUnit au = clip.get((int) ((step / 2) % clip.size()));
      Frame f = frame(CLIP_CAMERA, Codec.H264, au.data());
      f.setWidth(au.width());
      f.setHeight(au.height());
      f.setKeyframe(au.keyframe());
      send(f);
    } else {
      int photo = (int) ((step / 2 / PHOTO_REPEATS) % photos.size());
      send(frame("photo-" + photo, Codec.JPEG, photos.get(photo)));
    }
  }

  private Frame frame(String camera, Codec codec, byte[] payload) {
    long seq = sequences.merge(camera, 1L, Long::sum) - 1;
    return Frame.newBuilder()
        .setCameraId(camera)
        .setSequence(seq)
        .setCaptureTimeMs(System.currentTimeMillis())
        .setCodec(codec)
        .setPayload(ByteBuffer.wrap(payload))
        .build();
  }

  private void send(Frame f) throws Exception {
    byte[] value = WireSerdes.frame().serializer().serialize(topic, f);
    producer.send(new ProducerRecord<>(topic, f.getCameraId().toString().getBytes(), value)).get();
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[200];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] cutJpeg() {
    byte[] jpeg = photos.get(0);
    return WireSerdes.frame()
        .serializer()
        .serialize(topic, frame("cut", Codec.JPEG, Arrays.copyOf(jpeg, jpeg.length / 2)));
  }

  /** Stops sending; rethrows what stopped the thread early, if anything did. */
  @Override
  public void close() throws Exception {
    running = false; // no interrupt: it would abort a send half-way (Kafka's InterruptException)
    thread.join(10_000);
    if (failure != null) {
      throw failure;
    }
  }
}
