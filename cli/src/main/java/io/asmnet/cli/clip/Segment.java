package io.asmnet.cli.clip;

/**
 * One photo's stretch of a clip.
 *
 * @param index 0-based segment index
 * @param image the photo file
 * @param imageWidth photo width, pixels
 * @param imageHeight photo height, pixels
 * @param firstSequence sequence of its first frame
 * @param frames how many frames it lasts
 */
public record Segment(
    int index, String image, int imageWidth, int imageHeight, long firstSequence, int frames) {
  public Segment {
    if (index < 0
        || image == null
        || imageWidth < 1
        || imageHeight < 1
        || firstSequence < 0
        || frames < 1) {
      throw new IllegalArgumentException("bad segment " + index + " of " + image);
    }
  }
}
