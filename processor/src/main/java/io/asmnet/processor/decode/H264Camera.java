package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's H.264 state: a decoder made on the camera's first keyframe and dropped after a
 * decode error (a failed picture can poison every later reference), after which the camera waits
 * for its next keyframe. Owns the decoder; one thread.
 */
final class H264Camera implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(H264Camera.class);

  private final String camera;
  private final long maxPixels;
  private H264Decoder decoder;

  H264Camera(String camera, long maxPixels) {
    this.camera = camera;
    this.maxPixels = maxPixels;
  }

  /**
   * @param payload the frame's access unit, already checked against the limits
   */
  DecodedFrame decode(Frame frame, byte[] payload) throws DecodeException {
    if (decoder == null) {
      if (!frame.getKeyframe()) {
        throw new DecodeException(
            ErrorKind.DECODE_FAILED, "stream starts mid-GOP: waiting for a keyframe");
      }
      decoder = new H264Decoder(maxPixels);
      LOG.debug("camera {}: H.264 decoder created at sequence {}", camera, frame.getSequence());
    }
    try {
      return decoder.decode(payload);
    } catch (DecodeException e) {
      close();
      throw e;
    }
  }

  /** Whether a decoder is held (native memory in use). */
  boolean active() {
    return decoder != null;
  }

  @Override
  public void close() {
    if (decoder != null) {
      decoder.close();
      decoder = null;
      LOG.debug("camera {}: H.264 decoder released", camera);
    }
  }
}
