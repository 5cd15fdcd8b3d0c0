package io.asmnet.processor.infer;

/**
 * The raw model answer for a batch of {@code n} crops.
 *
 * @param landmarks {@code n x 68 x 2} floats, row-major: x, y in crop pixels (0..224)
 * @param pose {@code n x 3} floats: yaw, pitch, roll in degrees
 */
public record ModelOutput(int n, float[] landmarks, float[] pose) {
  public ModelOutput {
    if (landmarks.length != n * LandmarkModel.LANDMARK_FLOATS || pose.length != n * 3) {
      throw new IllegalArgumentException("output sizes do not match batch " + n);
    }
  }
}
