package io.asmnet.cli.consume;

import io.asmnet.processor.decode.DecodeException;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.avro.PoseEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins pose events with their frames by camera and sequence, draws them with {@link PoseOverlay}
 * and writes them to a {@link RenderSink}. Frames wait undecoded until their event comes (events
 * that come first wait for their frame); both waits are bounded per camera, the oldest dropped.
 * When an event arrives, the camera's waiting frames up to it are decoded in sequence order, so an
 * H.264 decoder sees every picture it references even when some frames have no event. Owns the
 * decoder and the sink. Not thread-safe.
 */
public final class FrameJoiner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrameJoiner.class);

  private final FrameDecoder decoder;
  private final PoseOverlay overlay;
  private final RenderSink sink;
  private final int maxPendingPerCamera;
  private final Map<String, TreeMap<Long, Frame>> frames = new HashMap<>();
  private final Map<String, TreeMap<Long, PoseEvent>> events = new HashMap<>();
  private long dropped;
  private long failed;

  /**
   * @param maxPendingPerCamera how many frames, and how many events, may wait per camera
   */
  public FrameJoiner(FrameDecoder decoder, RenderSink sink, int maxPendingPerCamera) {
    this(decoder, sink, maxPendingPerCamera, new PoseOverlay());
  }

  /**
   * @param maxPendingPerCamera how many frames, and how many events, may wait per camera
   * @param overlay how events are drawn
   */
  public FrameJoiner(
      FrameDecoder decoder, RenderSink sink, int maxPendingPerCamera, PoseOverlay overlay) {
    if (maxPendingPerCamera < 1) {
      throw new IllegalArgumentException(
          "maxPendingPerCamera must be at least 1: " + maxPendingPerCamera);
    }
    this.decoder = decoder;
    this.sink = sink;
    this.maxPendingPerCamera = maxPendingPerCamera;
    this.overlay = overlay;
  }

  /** A frame from the frames topic. */
  public void onFrame(Frame frame) throws IOException {
    String camera = frame.getCameraId();
    TreeMap<Long, Frame> waiting = frames.computeIfAbsent(camera, c -> new TreeMap<>());
    waiting.put(frame.getSequence(), frame);
    PoseEvent event = events.getOrDefault(camera, new TreeMap<>()).remove(frame.getSequence());
    if (event != null) {
      render(camera, event);
    } else {
      bound(waiting);
    }
  }

  /** An event from the pose events topic. */
  public void onEvent(PoseEvent event) throws IOException {
    String camera = event.getCameraId();
    TreeMap<Long, Frame> waiting = frames.get(camera);
    if (waiting == null || !waiting.containsKey(event.getSequence())) {
      TreeMap<Long, PoseEvent> early = events.computeIfAbsent(camera, c -> new TreeMap<>());
      early.put(event.getSequence(), event);
      bound(early);
      return;
    }
    render(camera, event);
  }

  private void render(String camera, PoseEvent event) throws IOException {
    NavigableMap<Long, Frame> upTo = frames.get(camera).headMap(event.getSequence(), true);
    while (!upTo.isEmpty()) {
      Frame frame = upTo.pollFirstEntry().getValue();
      boolean target = frame.getSequence() == event.getSequence();
      if (!target && frame.getCodec() != Codec.H264) {
        continue; // a still no event came for: nothing later depends on it
      }
      try (DecodedFrame decoded = decoder.decode(frame)) {
        if (target) {
          overlay.draw(decoded.bgr(), event);
          sink.write(camera, frame.getSequence(), decoded.bgr());
        }
      } catch (DecodeException e) {
        failed++;
        LOG.warn(
            "camera {} frame {}: cannot decode ({}), not rendered",
            camera,
            frame.getSequence(),
            e.getMessage());
      }
    }
  }

  private <T> void bound(TreeMap<Long, T> waiting) {
    while (waiting.size() > maxPendingPerCamera) {
      waiting.pollFirstEntry();
      dropped++;
    }
  }

  /** Events waiting for their frame. */
  public int waitingEvents() {
    return events.values().stream().mapToInt(TreeMap::size).sum();
  }

  /** Frames written to the sink. */
  public long rendered() {
    return sink.written();
  }

  /** Frames or events dropped because too many waited for their partner. */
  public long dropped() {
    return dropped;
  }

  /** Frames that could not be decoded. */
  public long failed() {
    return failed;
  }

  @Override
  public void close() throws IOException {
    decoder.close();
    sink.close();
  }
}
