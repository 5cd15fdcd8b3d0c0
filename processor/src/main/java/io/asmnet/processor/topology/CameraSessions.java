package io.asmnet.processor.topology;

import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.track.TrackState;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CameraSession}s of one stream task's cameras, least recently seen first, and their
 * eviction: a camera that sent nothing for {@code idle} ({@code decode.camera.idle.ms}) loses its
 * decoder state and its track together, so a camera that stopped holds neither native memory nor a
 * stale track for ever. Time is the task's wall clock in milliseconds (what punctuators get). Owns
 * the sessions; one per task; one thread.
 */
final class CameraSessions {
  private static final Logger LOG = LoggerFactory.getLogger(CameraSessions.class);

  private final FrameDecoder decoder;
  private final KeyValueStore<String, TrackState> tracks;
  private final long idleMs;
  // Access order: the least recently seen camera comes first, so idle ones are found at the head.
  private final LinkedHashMap<String, CameraSession> sessions =
      new LinkedHashMap<>(16, 0.75f, true);

  CameraSessions(FrameDecoder decoder, KeyValueStore<String, TrackState> tracks, Duration idle) {
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("idle must be positive: " + idle);
    }
    this.decoder = decoder;
    this.tracks = tracks;
    this.idleMs = idle.toMillis();
  }

  /** The session of {@code camera}, made on its first frame, marked seen at {@code nowMs}. */
  CameraSession session(String camera, long nowMs) {
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

  /** Frees every session's decoder state (the task is closing); tracks stay in the store. */
  void close() {
    sessions.values().forEach(CameraSession::close);
    sessions.clear();
  }
}
