package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.Frame;

/**
 * Turns an encoded {@link Frame} into BGR pixels. Stills decode on their own; H.264 access
 * units need the camera's decoder state, so an implementation keeps one decoder per camera,
 * created on that camera's first keyframe. One instance serves one stream task (one thread).
 */
public interface FrameDecoder extends AutoCloseable {

  /**
   * Decodes one frame. Size limits are checked before any native work.
   *
   * @throws DecodeException with kind OVERSIZED, CORRUPT_PAYLOAD or DECODE_FAILED (for example an
   *     H.264 stream that starts mid-GOP); BAD_SCHEMA for a Frame without a codec
   */
  DecodedFrame decode(Frame frame) throws DecodeException;

  /**
   * Frees the per-camera state of one camera (it went quiet: the topology's camera session evicts
   * it, with its track).
   */
  void release(String cameraId);

  /**
   * Frees the per-camera state of cameras that sent nothing for the decoder's own idle time, for a
   * decoder used on its own (the processor evicts idle cameras through its camera sessions and
   * {@link #release} instead), so a camera that stopped does not hold native memory for ever.
   * Such a camera, if it comes back, waits for its next keyframe.
   *
   * @return how many cameras were released
   */
  default int releaseIdle() {
    return 0;
  }

  /** Frees all per-camera state; the instance is unusable afterwards. */
  @Override
  void close();
}
