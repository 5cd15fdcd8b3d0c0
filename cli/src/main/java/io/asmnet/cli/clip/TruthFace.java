package io.asmnet.cli.clip;

/**
 * One face in one frame with its exact landmarks.
 *
 * @param landmarks 136 floats, x0, y0, ..., x67, y67, frame pixels, iBUG 300-W order: the photo's
 *     labels moved by the frame's affine
 * @param box the tight box around the landmarks, frame pixels
 * @param yaw degrees, the photo's label (or the pose derived from its landmarks); null when no pose
 *     could be derived. In-plane motion leaves it unchanged (zoom's small perspective effect is
 *     ignored)
 * @param pitch degrees, as yaw
 * @param roll degrees, clockwise positive: the label's roll plus the frame's rotation, so its
 *     change over the clip is exact; null when the label has no pose
 * @param inFrame whether all 68 points lie inside the frame
 */
public record TruthFace(
    float[] landmarks, TruthBox box, Double yaw, Double pitch, Double roll, boolean inFrame) {
  public TruthFace {
    if (landmarks == null || landmarks.length != 136) {
      throw new IllegalArgumentException("expected 136 landmark coordinates");
    }
    if (box == null) {
      throw new IllegalArgumentException("box is required");
    }
    landmarks = landmarks.clone();
  }

  @Override
  public float[] landmarks() {
    return landmarks.clone();
  }
}
