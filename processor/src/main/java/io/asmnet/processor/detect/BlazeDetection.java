package io.asmnet.processor.detect;

/**
 * One BlazeFace detection in frame pixels: its box and six keypoints (subject's right eye, left
 * eye, nose tip, mouth centre, right ear tragion, left ear tragion; the subject's right eye is on
 * the image's left).
 *
 * @param keypoints x0, y0, ... x5, y5
 */
public record BlazeDetection(
    float score, float xMin, float yMin, float xMax, float yMax, float[] keypoints) {
  public static final int KEYPOINTS = 6;

  public BlazeDetection {
    if (keypoints.length != 2 * KEYPOINTS) {
      throw new IllegalArgumentException("need 12 keypoint coordinates, got " + keypoints.length);
    }
  }

  float width() {
    return xMax - xMin;
  }

  float height() {
    return yMax - yMin;
  }

  /**
   * In-plane rotation of the face, radians, clockwise in the image (y down): the angle of the line
   * from the image-left eye to the image-right eye. 0 for an upright face.
   */
  public float roll() {
    return (float) Math.atan2(keypoints[3] - keypoints[1], keypoints[2] - keypoints[0]);
  }

  double iou(BlazeDetection o) {
    double ix = Math.max(0, Math.min(xMax, o.xMax) - Math.max(xMin, o.xMin));
    double iy = Math.max(0, Math.min(yMax, o.yMax) - Math.max(yMin, o.yMin));
    double inter = ix * iy;
    double union = (double) width() * height() + (double) o.width() * o.height() - inter;
    return union > 0 ? inter / union : 0;
  }
}
