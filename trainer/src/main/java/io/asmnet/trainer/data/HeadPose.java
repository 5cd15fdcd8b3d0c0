package io.asmnet.trainer.data;

/**
 * Head pose in degrees: yaw positive when the face turns to its own left (image right), pitch
 * positive looking up, roll positive for a clockwise tilt in the image.
 */
public record HeadPose(float yaw, float pitch, float roll) {
  public HeadPose {
    if (!Float.isFinite(yaw) || !Float.isFinite(pitch) || !Float.isFinite(roll)) {
      throw new IllegalArgumentException("pose angles must be finite");
    }
  }

  public float[] toArray() {
    return new float[] {yaw, pitch, roll};
  }
}
