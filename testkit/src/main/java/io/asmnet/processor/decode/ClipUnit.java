package io.asmnet.processor.decode;

/**
 * One picture of a raw H.264 test clip as a camera sends it in a {@code Frame} of codec H264:
 * Annex-B bytes (start codes; SPS and PPS in front of each keyframe, as libopenh264 writes them).
 *
 * @param data the Annex-B bytes
 * @param keyframe true for an IDR picture (a decoder can start here)
 * @param width picture width, pixels
 * @param height picture height, pixels
 */
public record ClipUnit(byte[] data, boolean keyframe, int width, int height) {
  public ClipUnit {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("a clip unit needs data");
    }
  }
}
