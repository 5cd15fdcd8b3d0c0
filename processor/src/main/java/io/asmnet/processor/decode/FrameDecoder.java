package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.Frame;

/**
 * Turns an encoded {@link Frame} into BGR pixels. Stills decode on their own; H.264 access units
 * need the camera's decoder state, so an implementation keeps one decoder per camera, created on
 * that camera's first keyframe. One instance serves one stream task (one thread).
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
   * Frees the per-camera state this decoder keeps for one camera (not that of a {@link #camera}).
   */
  void release(String cameraId);

  /**
   * Frees the per-camera state of cameras that sent nothing for the decoder's own idle time, for a
   * decoder used on its own (the processor's camera sessions hold {@link #camera} decoders and
   * evict them instead), so a camera that stopped does not hold native memory for ever. Such a
   * camera, if it comes back, waits for its next keyframe.
   *
   * @return how many cameras were released
   */
  default int releaseIdle() {
    return 0;
  }

  /**
   * A decoder for {@code cameraId}'s frames alone, holding that camera's state itself, for an owner
   * that keeps a camera's state together (the topology's camera session); closing it frees the
   * state. By default a view of this decoder whose close is {@link #release}; implementations that
   * keep per-camera state give the camera its own.
   */
  default CameraDecoder camera(String cameraId) {
    return new CameraDecoder() {
      @Override
      public DecodedFrame decode(Frame frame) throws DecodeException {
        return FrameDecoder.this.decode(frame);
      }

      @Override
      public void close() {
        release(cameraId);
      }
    };
  }

  /** Frees all per-camera state; the instance is unusable afterwards. */
  @Override
  void close();
}
