package io.asmnet.trainer.model;

/**
 * The units the network learns in, and their inverse (which the ONNX export applies).
 *
 * <p>Landmarks: crop pixel / 224 - 0.5, so a centred face is near 0 and the range is about [-0.5,
 * 0.5]. Pose: degrees / 90.
 */
public final class TargetCodec {
  public static final float CROP = 224f;
  public static final float LANDMARK_OFFSET = 0.5f;
  public static final float POSE_SCALE_DEGREES = 90f;

  private TargetCodec() {}

  public static float[] encodeLandmarks(float[] cropPixels) {
    float[] out = new float[cropPixels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = cropPixels[i] / CROP - LANDMARK_OFFSET;
    }
    return out;
  }

  public static float[] decodeLandmarks(float[] normalised) {
    float[] out = new float[normalised.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (normalised[i] + LANDMARK_OFFSET) * CROP;
    }
    return out;
  }

  public static float[] encodePose(float[] degrees) {
    float[] out = new float[degrees.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = degrees[i] / POSE_SCALE_DEGREES;
    }
    return out;
  }

  public static float[] decodePose(float[] normalised) {
    float[] out = new float[normalised.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = normalised[i] * POSE_SCALE_DEGREES;
    }
    return out;
  }
}
