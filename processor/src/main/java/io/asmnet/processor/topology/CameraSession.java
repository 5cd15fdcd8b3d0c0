package io.asmnet.processor.topology;

import io.asmnet.processor.decode.CameraDecoder;
import io.asmnet.processor.decode.DecodeException;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.decode.FrameDecoder;
import io.asmnet.processor.track.TrackState;
import io.asmnet.schemas.avro.Frame;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One camera's state in a stream task, under one owner: its decoder (a {@link CameraDecoder} with
 * the camera's own H.264 reference pictures, from the task's {@link FrameDecoder#camera}) and its
 * track (in the task's state store, so it survives restarts). Both are used through the session and
 * both go when it is {@link #evict evicted}. Made and evicted by {@link CameraSessions}; one
 * thread.
 */
final class CameraSession {
  private final String camera;
  private final CameraDecoder decoder;
  private final KeyValueStore<String, TrackState> tracks;
  private long lastSeenMs;

  CameraSession(
      String camera, CameraDecoder decoder, KeyValueStore<String, TrackState> tracks, long nowMs) {
    this.camera = camera;
    this.decoder = decoder;
    this.tracks = tracks;
    this.lastSeenMs = nowMs;
  }

  String camera() {
    return camera;
  }

  /** Decodes one of this camera's frames. */
  DecodedFrame decode(Frame frame) throws DecodeException {
    if (!camera.equals(frame.getCameraId())) {
      throw new IllegalArgumentException(
          "frame of camera '" + frame.getCameraId() + "' given to the session of '" + camera + "'");
    }
    return decoder.decode(frame);
  }

  /** The camera's track, or null when it has none (its first frame, or after eviction). */
  TrackState track() {
    return tracks.get(camera);
  }

  /** Keeps the track after this frame; null deletes it. */
  void keep(TrackState next) {
    if (next == null) {
      tracks.delete(camera);
    } else {
      tracks.put(camera, next);
    }
  }

  void seen(long nowMs) {
    lastSeenMs = nowMs;
  }

  long lastSeenMs() {
    return lastSeenMs;
  }

  /**
   * Frees the decoder state and deletes the track: the camera, if it comes back, starts as a new
   * one (waits for a keyframe, runs the detector).
   */
  void evict() {
    close();
    tracks.delete(camera);
  }

  /** Frees the decoder state, keeping the track (the task is closing; the store outlives it). */
  void close() {
    decoder.close();
  }
}
