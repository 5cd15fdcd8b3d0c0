package io.asmnet.cli.bench;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Renders a {@link Scene} as a moving picture: the window slides around its position (a slow
 * ellipse within the scene's pan room), scaled to the output size. Owns the decoded photos.
 */
final class SceneVideo implements AutoCloseable {
  /** Frames per full back-and-forth of the pan (4 s at 25 fps). */
  static final int PERIOD = 100;

  private final int width;
  private final int height;
  private final Map<Path, Mat> photos = new HashMap<>();

  SceneVideo(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** Picture {@code t} of {@code scene}, BGR, {@code width x height}; the caller closes it. */
  Mat picture(Scene scene, int t) {
    double phase = 2 * Math.PI * t / PERIOD;
    int dx = (int) Math.round(scene.panX() * Math.sin(phase));
    int dy = (int) Math.round(scene.panY() * Math.sin(phase / 2));
    Mat photo = photos.computeIfAbsent(scene.photo(), p -> imread(p.toString()));
    Mat out = new Mat();
    try (Rect r = new Rect(scene.x() + dx, scene.y() + dy, scene.w(), scene.h());
        Mat window = photo.apply(r);
        Size size = new Size(width, height)) {
      resize(window, out, size, 0, 0, INTER_LINEAR);
    }
    return out;
  }

  /** Picture {@code t} of {@code scene} as JPEG bytes of the given quality (0-100). */
  byte[] jpeg(Scene scene, int t, int quality) {
    try (Mat picture = picture(scene, t);
        BytePointer out = new BytePointer();
        IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
      imencode(".jpg", picture, out, params);
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  @Override
  public void close() {
    photos.values().forEach(Mat::close);
    photos.clear();
  }
}
