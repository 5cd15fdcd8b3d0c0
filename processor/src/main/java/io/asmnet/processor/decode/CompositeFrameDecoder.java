package io.asmnet.processor.decode;

import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.ErrorKind;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's {@link FrameDecoder}: JPEG and PNG go to a {@link StillDecoder}; H.264 goes to
 * the camera's own {@link H264Decoder}, created on that camera's first keyframe and dropped after a
 * decode error (the camera then waits for its next keyframe). The processor asks for each camera's
 * {@link #camera own decoder} and keeps it in the camera's session; used on its own, this decoder
 * keeps one per camera itself and frees it on {@link #release} or after the camera sent nothing for
 * {@code idle} ({@link #releaseIdle}). Payload size and declared pixel count are checked before any
 * native work. One instance per stream task; not thread-safe.
 */
public final class CompositeFrameDecoder implements FrameDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeFrameDecoder.class);

  /** Default {@code decode.camera.idle.ms}: five minutes without a frame. */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);

  private final DecodeLimits limits;
  private final StillDecoder stills;
  private final long idleNanos;
  private final LongSupplier nanoTime;
  // Access order: the least recently used camera comes first, so idle ones are found at the head.
  private final LinkedHashMap<String, Camera> cameras = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  private record Camera(H264Camera h264, long lastUsedNanos) {}

  public CompositeFrameDecoder(DecodeLimits limits) {
    this(limits, DEFAULT_IDLE, System::nanoTime);
  }

  /**
   * @param idle a camera's H.264 decoder is freed after this long without a frame from it
   * @param nanoTime the monotonic clock idle time is measured on (tests pass their own)
   */
  public CompositeFrameDecoder(DecodeLimits limits, Duration idle, LongSupplier nanoTime) {
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("idle must be positive: " + idle);
    }
    this.limits = limits;
    this.stills = new StillDecoder(limits);
    this.idleNanos = idle.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public DecodedFrame decode(Frame frame) throws DecodeException {
    if (closed) {
      throw new IllegalStateException("decoder is closed");
    }
    byte[] payload = payloadOf(frame);
    return frame.getCodec() == Codec.H264
        ? decodeH264(frame, payload)
        : decodeStill(frame, payload);
  }

  private DecodedFrame decodeStill(Frame frame, byte[] payload) throws DecodeException {
    if (frame.getCodec() == null) {
      // Only a Frame built in code can lack one (the wire format has no null codec); an unknown
      // codec on the wire already failed as BAD_SCHEMA, so UNSUPPORTED_CODEC is never produced.
      throw new DecodeException(ErrorKind.BAD_SCHEMA, "frame has no codec");
    }
    return stills.decode(payload, frame.getCodec());
  }

  private byte[] payloadOf(Frame frame) throws DecodeException {
    ByteBuffer buffer = frame.getPayload();
    if (buffer == null || !buffer.hasRemaining()) {
      throw new DecodeException(ErrorKind.CORRUPT_PAYLOAD, "frame payload is empty");
    }
    if (buffer.remaining() > limits.maxPayloadBytes()) {
      throw new DecodeException(
          ErrorKind.OVERSIZED,
          "payload of "
              + buffer.remaining()
              + " bytes exceeds the limit of "
              + limits.maxPayloadBytes()
              + " bytes");
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes); // leave the record's buffer position untouched
    return bytes;
  }

  /** Checks an H.264 frame's declared size before any native work. */
  private void checkH264(Frame frame) throws DecodeException {
    Integer width = frame.getWidth();
    Integer height = frame.getHeight();
    if (width == null || height == null || width <= 0 || height <= 0) {
      throw new DecodeException(
          ErrorKind.CORRUPT_PAYLOAD,
          "H264 frames must declare a positive width and height, got " + width + "x" + height);
    }
    if (!limits.allows(width, height)) {
      throw new DecodeException(
          ErrorKind.OVERSIZED,
          "H264 frame of "
              + width
              + "x"
              + height
              + " exceeds the limit of "
              + limits.maxPixels()
              + " pixels");
    }
  }

  private DecodedFrame decodeH264(Frame frame, byte[] payload) throws DecodeException {
    checkH264(frame);
    String camera = frame.getCameraId();
    Camera state = cameras.get(camera);
    H264Camera h264 = state == null ? new H264Camera(camera, limits.maxPixels()) : state.h264();
    cameras.put(camera, new Camera(h264, nanoTime.getAsLong()));
    try {
      return h264.decode(frame, payload);
    } catch (DecodeException e) {
      // The camera starts again from a keyframe (H264Camera dropped its decoder).
      release(camera);
      throw e;
    }
  }

  /**
   * A decoder of {@code cameraId}'s frames with its own H.264 state, held by the caller (not by
   * this decoder's per-camera map, not released by {@link #releaseIdle}); stills share this
   * decoder's. Unusable once this decoder is closed.
   */
  @Override
  public CameraDecoder camera(String cameraId) {
    return new OwnCamera(new H264Camera(cameraId, limits.maxPixels()));
  }

  private final class OwnCamera implements CameraDecoder {
    private final H264Camera h264;

    OwnCamera(H264Camera h264) {
      this.h264 = h264;
    }

    @Override
    public DecodedFrame decode(Frame frame) throws DecodeException {
      if (closed) {
        throw new IllegalStateException("decoder is closed");
      }
      byte[] payload = payloadOf(frame);
      if (frame.getCodec() == Codec.H264) {
        checkH264(frame);
        return h264.decode(frame, payload);
      }
      return CompositeFrameDecoder.this.decodeStill(frame, payload);
    }

    @Override
    public void close() {
      h264.close();
    }
  }

  @Override
  public void release(String cameraId) {
    Camera state = cameras.remove(cameraId);
    if (state != null) {
      state.h264().close();
    }
  }

  @Override
  public int releaseIdle() {
    long now = nanoTime.getAsLong();
    int released = 0;
    Iterator<Map.Entry<String, Camera>> it = cameras.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Camera> e = it.next();
      if (now - e.getValue().lastUsedNanos() < idleNanos) {
        break; // access order: every later camera was used more recently
      }
      e.getValue().h264().close();
      it.remove();
      released++;
    }
    if (released > 0) {
      LOG.debug(
          "released the H.264 decoders of {} idle cameras; {} remain", released, cameras.size());
    }
    return released;
  }

  /** Cameras that currently hold an H.264 decoder (for metrics and tests). */
  public int activeCameras() {
    return cameras.size();
  }

  @Override
  public void close() {
    closed = true;
    cameras.values().forEach(c -> c.h264().close());
    cameras.clear();
  }
}
