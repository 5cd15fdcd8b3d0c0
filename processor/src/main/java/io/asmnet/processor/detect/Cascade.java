package io.asmnet.processor.detect;

/** The face cascades shipped inside OpenCV's native jar, by resource path. */
public enum Cascade {
  /** Haar, Viola-Jones' classic: the most robust of these on webcam images; the default. */
  HAAR_FRONTAL_DEFAULT("haarcascades/haarcascade_frontalface_default.xml"),
  /** Haar, Lienhart's alt2 (tree stumps): fewer false positives, slightly fewer faces. */
  HAAR_FRONTAL_ALT2("haarcascades/haarcascade_frontalface_alt2.xml"),
  /** LBP (integer features): roughly 2-3x faster than Haar, less accurate. */
  LBP_FRONTAL_IMPROVED("lbpcascades/lbpcascade_frontalface_improved.xml");

  private static final String ROOT = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";

  private final String path;

  Cascade(String path) {
    this.path = path;
  }

  /** Class-path resource of the cascade XML (linux-x86_64 natives). */
  public String resource() {
    return ROOT + path;
  }
}
