package io.asmnet.trainer.data;

/**
 * One network input with its targets, as the processor will feed it: a square face crop.
 *
 * @param bgr 224 x 224 x 3 bytes, BGR, row-major (as an OpenCV Mat of CV_8UC3)
 * @param landmarks 136 floats in crop pixels (0..224)
 * @param pose yaw, pitch, roll in degrees
 */
public record Sample(byte[] bgr, float[] landmarks, HeadPose pose) {
  public static final int SIZE = 224;

  public Sample {
    if (bgr.length != SIZE * SIZE * 3) {
      throw new IllegalArgumentException("crop must be 224x224x3 bytes, got " + bgr.length);
    }
    if (landmarks.length != 136) {
      throw new IllegalArgumentException("expected 136 coordinates, got " + landmarks.length);
    }
  }
}
