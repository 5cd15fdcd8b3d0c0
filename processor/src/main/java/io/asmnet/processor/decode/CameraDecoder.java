package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.Frame;

/**
 * One camera's decoding, with that camera's own state (its H.264 reference pictures), owned by
 * whoever asked {@link FrameDecoder#camera} for it (the camera's session) and freed by {@link
 * #close}. One thread.
 */
public interface CameraDecoder extends AutoCloseable {

  /** Decodes one of this camera's frames, as {@link FrameDecoder#decode} does. */
  DecodedFrame decode(Frame frame) throws DecodeException;

  /** Frees the camera's state; a camera decoded again afterwards waits for its next keyframe. */
  @Override
  void close();
}
