package io.asmnet.processor.topology;

import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.track.TrackState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CameraSession}s of one stream task's cameras, least recently seen first, and their
 * eviction: a camera that sent nothing for {@code idle} ({@code decode.camera.idle.ms}) loses its
 * decoder state and its track together, so a camera that stopped holds neither native memory nor a
 * stale track for ever; tracks the store held when the task started go the same way when their
 * cameras stay away. Time is the task's wall clock in milliseconds (what punctuators get). Owns the
 * sessions; one per task; one thread.
 */
final class CameraSessions {
  private static final Logger LOG = LoggerFactory.getLogger(CameraSessions.class);

  private final FrameDecoder decoder;
  private final KeyValueStore<String, TrackState> tracks;
  private final long idleMs;
  // Access order: the least recently seen camera comes first, so idle ones are found at the head.
  private final LinkedHashMap<String, CameraSession> sessions =
      new LinkedHashMap<>(16, 0.75f, true);
  // Cameras whose track the store held when the task started (a restart, a rebalance) but that
  // sent no frame since, with that start time: evicted like sessions, else such a track would stay
  // in the store for ever if its camera never returns.
  private final Map<String, Long> stored = new HashMap<>();

  CameraSessions(FrameDecoder decoder, KeyValueStore<String, TrackState> tracks, Duration idle) {
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("idle must be positive: " + idle);
    }
    this.decoder = decoder;
    this.tracks = tracks;
    this.idleMs = idle.toMillis();
  }

  /**
   * Takes on the tracks the store already holds (the task starts at {@code nowMs}): each is evicted
   * like a session seen at that time unless its camera sends a frame first. Returns how many.
   */
  int adoptStored(long nowMs) {
    try (KeyValueIterator<String, TrackState> it = tracks.all()) {
      while (it.hasNext()) {
        String camera = it.next().key;
        if (!sessions.containsKey(camera)) {
          stored.put(camera, nowMs);
        }
      }
    }
    return stored.size();
  }

  /** The session of {@code camera}, made on its first frame, marked seen at {@code nowMs}. */
  CameraSession session(String camera, long nowMs) {
    stored.remove(camera);
    CameraSession session =
        sessions.computeIfAbsent(
            camera, c -> new CameraSession(c, decoder.camera(c), tracks, nowMs));
    session.seen(nowMs);
    return session;
  }

  /** Evicts every camera not seen for the idle time; returns how many. */
  int evictIdle(long nowMs) {
    int evicted = 0;
    Iterator<Map.Entry<String, CameraSession>> it = sessions.entrySet().iterator();
    while (it.hasNext()) {
      CameraSession session = it.next().getValue();
      if (nowMs - session.lastSeenMs() < idleMs) {
        break; // access order: every later camera was seen more recently
      }
      session.evict();
      it.remove();
      evicted++;
    }
    Iterator<Map.Entry<String, Long>> old = stored.entrySet().iterator();
    while (old.hasNext()) {
      Map.Entry<String, Long> e = old.next();
      if (nowMs - e.getValue() >= idleMs) {
        tracks.delete(e.getKey());
        old.remove();
        evicted++;
      }
    }
    if (evicted > 0) {
      LOG.debug(
          "evicted {} idle cameras (decoder state and track); {} remain", evicted, sessions.size());
    }
    return evicted;
  }

  /** Cameras with a session (for tests). */
  int size() {
    return sessions.size();
  }

  /** Cameras with only a track kept from before the task started (for tests). */
  int storedOnly() {
    return stored.size();
  }

  /** Frees every session's decoder state (the task is closing); tracks stay in the store. */
  void close() {
    sessions.values().forEach(CameraSession::close);
    sessions.clear();
  }
}
