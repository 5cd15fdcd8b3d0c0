package io.asmnet.cli.replay;

import io.asmnet.schemas.avro.Codec;
import java.time.Duration;

/**
 * How to replay one clip.
 *
 * @param codec H264 (the MP4's access units passed through) or JPEG (the clip's JPEG files as is)
 * @param cameraId camera id (record key) of the published frames
 * @param clipId clip id stamped on every frame; only events and dead letters carrying it count
 * @param fps frames per second, paced in real time; 0 as fast as possible
 * @param timeout how long to wait for the last results after the last frame was published
 */
public record ReplaySettings(
    Codec codec, String cameraId, String clipId, double fps, Duration timeout) {
  public ReplaySettings {
    if (codec != Codec.H264 && codec != Codec.JPEG) {
      throw new IllegalArgumentException("a clip is replayed as H264 or JPEG, not " + codec);
    }
    if (cameraId == null || cameraId.isBlank() || clipId == null || clipId.isBlank()) {
      throw new IllegalArgumentException("camera id and clip id must not be blank");
    }
    if (!(fps >= 0) || timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("fps must be >= 0 and timeout not negative");
    }
  }
}
