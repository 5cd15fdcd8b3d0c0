package io.asmnet.cli.publish;

/**
 * One H.264 access unit (one coded picture) in Annex-B form, as a {@code Frame} of codec H264
 * carries it: start codes included, SPS and PPS in front of every keyframe.
 *
 * @param data the Annex-B bytes
 * @param keyframe true for an IDR picture (a decoder can start here)
 * @param width picture width, pixels
 * @param height picture height, pixels
 * @param timestampMicros presentation time from the start of the clip, microseconds (-1 unknown)
 */
public record AccessUnit(
    byte[] data, boolean keyframe, int width, int height, long timestampMicros) {
  public AccessUnit {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("an access unit needs data");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
    }
  }
}
