package io.asmnet.cli.publish;

import io.asmnet.schemas.avro.Codec;
import java.util.Objects;

/**
 * One picture from a {@link FrameSource}, encoded and ready to become a {@code Frame} record.
 *
 * @param payload the encoded bytes: a JPEG or PNG file, or one Annex-B H.264 access unit
 * @param codec how {@code payload} is encoded
 * @param width picture width, pixels
 * @param height picture height, pixels
 * @param keyframe true for stills and H.264 IDR access units
 * @param timestampMicros presentation time from the start of the source, microseconds; -1 unknown
 */
public record EncodedFrame(
    byte[] payload, Codec codec, int width, int height, boolean keyframe, long timestampMicros) {
  public EncodedFrame {
    Objects.requireNonNull(codec, "codec");
    if (payload == null || payload.length == 0) {
      throw new IllegalArgumentException("an encoded frame needs a payload");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
    }
  }
}
