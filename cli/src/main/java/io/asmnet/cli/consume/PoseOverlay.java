package io.asmnet.cli.consume;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.arrowedLine;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.PoseEvent;
import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.PoseConvention;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws a {@link PoseEvent} onto its decoded frame: each face's box (green), its 68 landmarks
 * (yellow dots) and a head-pose gizmo at the nose tip (landmark 30): the head's x axis in red
 * (towards image right in the frontal pose), y axis in green (up) and the facing direction in blue
 * (out of the face, towards the viewer; it points right when yaw > 0 and up when pitch > 0). The
 * axes are the columns of the schema's rotation {@code R = Rz(roll) Rx(-pitch) Ry(-yaw)} ({@link
 * PoseConvention}), projected orthographically; their length is half the box width. On a {@link
 * #blank} background the frame's pixels are first painted over in grey and the landmarks are joined
 * along the face's contours (jaw, brows, nose, eyes, lips), a line drawing of the face that carries
 * nothing of the picture. Stateless; draws in place on an 8-bit BGR {@link Mat}.
 */
public final class PoseOverlay {
  /** Index of the nose tip in the iBUG 68-point order. */
  public static final int NOSE_TIP = 30;

  private static final double[] BOX = {0, 255, 0};
  private static final double[] LANDMARK = {0, 255, 255};
  private static final double[][] AXIS_COLOURS = {{0, 0, 255}, {0, 255, 0}, {255, 0, 0}};
  private static final double[] BACKGROUND = {64, 64, 64};

  /** One iBUG 68-point contour: points first..last in order, closed back to first or not. */
  private record Contour(int first, int last, boolean closed) {}

  /** Jaw, brows, nose bridge, nostrils, eyes, outer and inner lips. */
  private static final List<Contour> CONTOURS =
      List.of(
          new Contour(0, 16, false),
          new Contour(17, 21, false),
          new Contour(22, 26, false),
          new Contour(27, 30, false),
          new Contour(31, 35, false),
          new Contour(36, 41, true),
          new Contour(42, 47, true),
          new Contour(48, 59, true),
          new Contour(60, 67, true));

  private final boolean blank;

  /** Draws onto the frame itself. */
  public PoseOverlay() {
    this(false);
  }

  /**
   * @param blank paint the frame over in grey and draw the face contours (pictures that may be
   *     shared without the frame's content)
   */
  public PoseOverlay(boolean blank) {
    this.blank = blank;
  }

  /** A line drawing on grey instead of the frame ({@link #PoseOverlay(boolean)}). */
  public static PoseOverlay blank() {
    return new PoseOverlay(true);
  }

  /** Draws every face of {@code event} onto {@code bgr}. */
  public void draw(Mat bgr, PoseEvent event) {
    if (blank) {
      try (Scalar grey = scalar(BACKGROUND)) {
        bgr.put(grey);
      }
    }
    for (Face face : event.getFaces()) {
      draw(bgr, face);
    }
  }

  /** Draws one face onto {@code bgr}. */
  public void draw(Mat bgr, Face face) {
    float w = face.getBox().getW();
    int thickness = Math.max(1, Math.round(w / 100f));
    drawBox(bgr, face, thickness);
    int radius = Math.max(1, Math.round(w / 80f));
    if (blank && face.getLandmarks().size() == 68) {
      drawContours(bgr, face.getLandmarks(), thickness);
    }
    try (Scalar colour = scalar(LANDMARK)) {
      for (io.asmnet.schemas.avro.Point p : face.getLandmarks()) {
        try (Point centre = new Point(Math.round(p.getX()), Math.round(p.getY()))) {
          circle(bgr, centre, radius, colour, -1, LINE_AA, 0);
        }
      }
    }
    List<io.asmnet.schemas.avro.Point> landmarks = face.getLandmarks();
    if (landmarks.size() > NOSE_TIP && finite(face)) {
      drawAxes(
          bgr,
          landmarks.get(NOSE_TIP),
          axes(face.getYaw(), face.getPitch(), face.getRoll()),
          w / 2,
          thickness + 1);
    }
  }

  /**
   * The head's three axes projected onto the image, as unit-length-in-3-D {@code {dx, dy}} pairs in
   * image pixels' directions (x right, y down): [0] the head's x axis, [1] its up axis, [2] its
   * facing direction.
   */
  public static double[][] axes(float yaw, float pitch, float roll) {
    double[] r = PoseConvention.matrix(new HeadPose(yaw, pitch, roll)); // row-major 3x3
    return new double[][] {
      {r[0], r[3]}, // column 0: model x
      {-r[1], -r[4]}, // minus column 1: model y points down, draw up
      {-r[2], -r[5]} // minus column 2: the face looks along -z
    };
  }

  private static void drawContours(
      Mat bgr, List<io.asmnet.schemas.avro.Point> landmarks, int thickness) {
    try (Scalar colour = scalar(LANDMARK)) {
      for (Contour c : CONTOURS) {
        for (int i = c.first(); i < c.last(); i++) {
          segment(bgr, landmarks.get(i), landmarks.get(i + 1), colour, thickness);
        }
        if (c.closed()) {
          segment(bgr, landmarks.get(c.last()), landmarks.get(c.first()), colour, thickness);
        }
      }
    }
  }

  private static void segment(
      Mat bgr,
      io.asmnet.schemas.avro.Point from,
      io.asmnet.schemas.avro.Point to,
      Scalar colour,
      int thickness) {
    try (Point a = point(from);
        Point b = point(to)) {
      line(bgr, a, b, colour, thickness, LINE_AA, 0);
    }
  }

  private static Point point(io.asmnet.schemas.avro.Point p) {
    return new Point(Math.round(p.getX()), Math.round(p.getY()));
  }

  private static void drawBox(Mat bgr, Face face, int thickness) {
    var box = face.getBox();
    try (Point topLeft = new Point(Math.round(box.getX()), Math.round(box.getY()));
        Point bottomRight =
            new Point(Math.round(box.getX() + box.getW()), Math.round(box.getY() + box.getH()));
        Scalar colour = scalar(BOX)) {
      rectangle(bgr, topLeft, bottomRight, colour, thickness, LINE_AA, 0);
    }
  }

  private static void drawAxes(
      Mat bgr, io.asmnet.schemas.avro.Point nose, double[][] axes, double length, int thickness) {
    try (Point origin = new Point(Math.round(nose.getX()), Math.round(nose.getY()))) {
      for (int i = 0; i < axes.length; i++) {
        long dx = Math.round(axes[i][0] * length);
        long dy = Math.round(axes[i][1] * length);
        if (dx == 0 && dy == 0) {
          continue; // pointing straight at the viewer: nothing to draw
        }
        try (Point end = new Point((int) (origin.x() + dx), (int) (origin.y() + dy));
            Scalar colour = scalar(AXIS_COLOURS[i])) {
          arrowedLine(bgr, origin, end, colour, thickness, LINE_AA, 0, 0.2);
        }
      }
    }
  }

  private static boolean finite(Face face) {
    return Float.isFinite(face.getYaw())
        && Float.isFinite(face.getPitch())
        && Float.isFinite(face.getRoll());
  }

  private static Scalar scalar(double[] bgr) {
    return new Scalar(bgr[0], bgr[1], bgr[2], 0);
  }
}
