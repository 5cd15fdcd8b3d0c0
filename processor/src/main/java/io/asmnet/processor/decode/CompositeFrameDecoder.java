package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's {@link FrameDecoder}: JPEG and PNG go to a {@link StillDecoder}; H.264 goes to
 * the camera's own {@link H264Decoder}, created on that camera's first keyframe and dropped after
 * a decode error (the camera then waits for its next keyframe). Payload size and declared pixel
 * count are checked before any native work. One instance per stream task; not thread-safe.
 */
public final class CompositeFrameDecoder implements FrameDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeFrameDecoder.class);

  private final DecodeLimits limits;
  private final StillDecoder stills;
  private final Map<String, H264Decoder> cameras = new HashMap<>();
  private boolean closed;

  public CompositeFrameDecoder(DecodeLimits limits) {
    this.limits = limits;
    this.stills = new StillDecoder(limits);
  }

  @Override
  public DecodedFrame decode(Frame frame) throws DecodeException {
    if (closed) {
      throw new IllegalStateException("decoder is closed");
    }
    byte[] payload = payloadOf(frame);
    if (frame.getCodec() == null) {
      // Only a Frame built in code can lack one (the wire format has no null codec); an unknown
      // codec on the wire already failed as BAD_SCHEMA, so UNSUPPORTED_CODEC is never produced.
      throw new DecodeException(ErrorKind.BAD_SCHEMA, "frame has no codec");
    }
    return switch (frame.getCodec()) {
      case JPEG, PNG -> stills.decode(payload, frame.getCodec());
      case H264 -> decodeH264(frame, payload);
    };
  }

  private byte[] payloadOf(Frame frame) throws DecodeException {
    ByteBuffer buffer = frame.getPayload();
    if (buffer == null || !buffer.hasRemaining()) {
      throw new DecodeException(ErrorKind.CORRUPT_PAYLOAD, "frame payload is empty");
    }
    if (buffer.remaining() > limits.maxPayloadBytes()) {
      throw new DecodeException(
          ErrorKind.OVERSIZED,
          "payload of " + buffer.remaining() + " bytes exceeds the limit of " + limits.maxPayloadBytes() + " bytes");
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes); // leave the record's buffer position untouched
    return bytes;
  }

  private DecodedFrame decodeH264(Frame frame, byte[] payload) throws DecodeException {
    Integer width = frame.getWidth();
    Integer height = frame.getHeight();
    if (width == null || height == null || width <= 0 || height <= 0) {
      throw new DecodeException(
          ErrorKind.CORRUPT_PAYLOAD, "H264 frames must declare a positive width and height, got " + width + "x" + height);
    }
    if (!limits.allows(width, height)) {
      throw new DecodeException(
          ErrorKind.OVERSIZED,
          "H264 frame of " + width + "x" + height + " exceeds the limit of " + limits.maxPixels() + " pixels");
    }
    String camera = frame.getCameraId();
    H264Decoder decoder = cameras.get(camera);
    if (decoder == null) {
      if (!frame.getKeyframe()) {
        throw new DecodeException(ErrorKind.DECODE_FAILED, "stream starts mid-GOP: waiting for a keyframe");
      }
      decoder = new H264Decoder(limits.maxPixels());
      cameras.put(camera, decoder);
      LOG.debug("camera {}: H.264 decoder created at sequence {}", camera, frame.getSequence());
    }
    try {
      return decoder.decode(payload);
    } catch (DecodeException e) {
      // A failed picture can poison every later reference: start again from a keyframe.
      release(camera);
      throw e;
    }
  }

  @Override
  public void release(String cameraId) {
    H264Decoder decoder = cameras.remove(cameraId);
    if (decoder != null) {
      decoder.close();
      LOG.debug("camera {}: H.264 decoder released", cameraId);
    }
  }

  /** Cameras that currently hold an H.264 decoder (for metrics and tests). */
  public int activeCameras() {
    return cameras.size();
  }

  @Override
  public void close() {
    closed = true;
    cameras.values().forEach(H264Decoder::close);
    cameras.clear();
  }
}
