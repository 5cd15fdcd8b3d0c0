package io.asmnet.processor.infer;

/**
 * The model's answer for one face, mapped back to frame pixels.
 *
 * @param landmarks 136 floats: x0, y0, ..., x67, y67 in frame pixels (iBUG 300-W order)
 * @param yaw degrees, positive when the face turns to its own left (image right)
 * @param pitch degrees, positive looking up
 * @param roll degrees, positive for a clockwise tilt in the image
 */
public record FaceLandmarks(float[] landmarks, float yaw, float pitch, float roll) {
  public FaceLandmarks {
    if (landmarks.length != 136) {
      throw new IllegalArgumentException("expected 136 coordinates, got " + landmarks.length);
    }
  }
}
