package io.asmnet.processor.decode;

/**
 * Size limits a frame must pass before any native decoding work is done, so one hostile or broken
 * record cannot make the processor allocate gigabytes.
 *
 * @param maxPayloadBytes largest encoded payload accepted, bytes
 * @param maxPixels largest frame accepted, width times height in pixels
 */
public record DecodeLimits(int maxPayloadBytes, long maxPixels) {
  /** 8 MiB: far above a 4K JPEG at high quality or an H.264 4K keyframe. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

  /** 7680 x 4320 (8K UHD). */
  public static final long DEFAULT_MAX_PIXELS = 7680L * 4320L;

  public DecodeLimits {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
  }

  public static DecodeLimits defaults() {
    return new DecodeLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_PIXELS);
  }

  /** True when a {@code width x height} frame is within {@link #maxPixels()}. */
  public boolean allows(long width, long height) {
    return width * height <= maxPixels;
  }
}
