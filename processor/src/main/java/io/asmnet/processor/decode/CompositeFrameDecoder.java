package io.asmnet.processor.decode;

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
 * the camera's own {@link H264Decoder}, created on that camera's first keyframe and dropped after
 * a decode error (the camera then waits for its next keyframe), when the camera's session is
 * evicted ({@link #release}), or, used on its own, after the camera sent nothing for {@code idle}
 * ({@link #releaseIdle}). Payload size and declared pixel count are checked before
 * any native work. One instance per stream task; not thread-safe.
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

  private record Camera(H264Decoder decoder, long lastUsedNanos) {}

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
    Camera state = cameras.get(camera);
    H264Decoder decoder;
    if (state == null) {
      if (!frame.getKeyframe()) {
        throw new DecodeException(ErrorKind.DECODE_FAILED, "stream starts mid-GOP: waiting for a keyframe");
      }
      decoder = new H264Decoder(limits.maxPixels());
      LOG.debug("camera {}: H.264 decoder created at sequence {}", camera, frame.getSequence());
    } else {
      decoder = state.decoder();
    }
    cameras.put(camera, new Camera(decoder, nanoTime.getAsLong()));
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
    Camera state = cameras.remove(cameraId);
    if (state != null) {
      state.decoder().close();
      LOG.debug("camera {}: H.264 decoder released", cameraId);
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
      e.getValue().decoder().close();
      it.remove();
      released++;
    }
    if (released > 0) {
      LOG.debug("released the H.264 decoders of {} idle cameras; {} remain", released, cameras.size());
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
    cameras.values().forEach(c -> c.decoder().close());
    cameras.clear();
  }
}
