package io.asmnet.cli.bench;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.asmnet.processor.detect.FaceBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds 4:3 windows of dlib's example photos ({@link DlibPhotos}) that each hold 1-3 whole labelled
 * faces: for every run of 1-3 faces neighbouring left to right, the smallest 4:3 window around them
 * with a margin of one face width (at least {@link #MIN_WIDTH} px, so a small face is not magnified
 * more than ~3x at 640x480), kept when no other labelled face is cut by its border.
 */
final class Scenes {
  static final int MIN_WIDTH = 200;
  private static final double MARGIN = 1.0; // face widths around the group

  private Scenes() {}

  static List<Scene> find(List<DlibPhotos.Photo> photos) {
    List<Scene> out = new ArrayList<>();
    Set<String> seen = new HashSet<>(); // one window per photo and set of faces in it
    for (DlibPhotos.Photo photo : photos) {
      List<FaceBox> faces =
          photo.faces().stream().sorted(Comparator.comparingDouble(FaceBox::x)).toList();
      int pw;
      int ph;
      try (Mat m = imread(photo.file().toString())) {
        pw = m.cols();
        ph = m.rows();
      }
      for (int k = 1; k <= 3; k++) {
        for (int start = 0; start + k <= faces.size(); start++) {
          Scene s = window(photo, faces, faces.subList(start, start + k), pw, ph);
          if (s != null && seen.add(s.photo() + " " + inside(s, faces))) {
            out.add(s);
          }
        }
      }
    }
    return out;
  }

  private static List<Integer> inside(Scene s, List<FaceBox> faces) {
    List<Integer> in = new ArrayList<>();
    for (int i = 0; i < faces.size(); i++) {
      FaceBox f = faces.get(i);
      if (f.x() >= s.x()
          && f.y() >= s.y()
          && f.x() + f.w() <= s.x() + s.w()
          && f.y() + f.h() <= s.y() + s.h()) {
        in.add(i);
      }
    }
    return in;
  }

  private static Scene window(
      DlibPhotos.Photo photo, List<FaceBox> all, List<FaceBox> group, int pw, int ph) {
    double x0 = group.stream().mapToDouble(FaceBox::x).min().orElseThrow();
    double y0 = group.stream().mapToDouble(FaceBox::y).min().orElseThrow();
    double x1 = group.stream().mapToDouble(f -> f.x() + f.w()).max().orElseThrow();
    double y1 = group.stream().mapToDouble(f -> f.y() + f.h()).max().orElseThrow();
    double margin = MARGIN * group.stream().mapToDouble(FaceBox::w).max().orElseThrow();
    double w = Math.max(MIN_WIDTH, Math.max(x1 - x0 + 2 * margin, (y1 - y0 + 2 * margin) * 4 / 3));
    w = Math.min(w, Math.min(pw, ph * 4.0 / 3));
    int iw = (int) w;
    int ih = iw * 3 / 4;
    int x = clamp((int) Math.round((x0 + x1) / 2 - iw / 2.0), 0, pw - iw);
    int y = clamp((int) Math.round((y0 + y1) / 2 - ih / 2.0), 0, ph - ih);
    int inside = 0;
    float smallest = Float.MAX_VALUE;
    int panX = Integer.MAX_VALUE;
    int panY = Integer.MAX_VALUE;
    for (FaceBox f : all) {
      boolean whole =
          f.x() >= x && f.y() >= y && f.x() + f.w() <= x + iw && f.y() + f.h() <= y + ih;
      boolean touches = f.x() < x + iw && f.x() + f.w() > x && f.y() < y + ih && f.y() + f.h() > y;
      if (whole) {
        inside++;
        smallest = Math.min(smallest, f.w());
        panX = Math.min(panX, (int) Math.min(f.x() - x, x + iw - f.x() - f.w()));
        panY = Math.min(panY, (int) Math.min(f.y() - y, y + ih - f.y() - f.h()));
      } else if (touches) {
        return null; // a face cut in half by the border: neither counted nor clean
      }
    }
    if (inside < 1 || inside > 3) {
      return null;
    }
    // Half the room to the nearest face edge, and never off the photo.
    panX = Math.min(panX / 2, Math.min(x, pw - iw - x));
    panY = Math.min(panY / 2, Math.min(y, ph - ih - y));
    return new Scene(
        photo.file(), x, y, iw, ih, inside, smallest, Math.max(0, panX), Math.max(0, panY));
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
