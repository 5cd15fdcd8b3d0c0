package io.asmnet.cli.clip;

import java.util.List;

/**
 * The truth of one frame of a clip.
 *
 * @param sequence 0-based frame index in the clip (what the replay publishes as the frame's
 *     sequence number)
 * @param segment index of the photo segment this frame belongs to
 * @param motion pan, zoom and rotation applied on top of fitting the photo
 * @param affine the full photo-to-frame map, row-major 2x3 (a, b, c, d, e, f): x' = a x + b y + c,
 *     y' = d x + e y + f
 * @param faces every labelled face of the photo, moved into the frame
 */
public record TruthFrame(
    long sequence, int segment, Motion motion, double[] affine, List<TruthFace> faces) {
  public TruthFrame {
    if (sequence < 0 || segment < 0 || motion == null) {
      throw new IllegalArgumentException("sequence and segment must be >= 0, motion present");
    }
    if (affine == null || affine.length != 6) {
      throw new IllegalArgumentException("affine must hold 6 values");
    }
    affine = affine.clone();
    faces = List.copyOf(faces);
  }

  @Override
  public double[] affine() {
    return affine.clone();
  }
}
