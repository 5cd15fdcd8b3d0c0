package io.asmnet.trainer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads 300-W style {@code .pts} files ({@code version: 1}, {@code n_points: 68}, <code>{</code>,
 * 68 lines "x y", <code>}</code>) with the photo of the same base name beside each. 300-W points
 * are 1-based pixels; we subtract 1 to get 0-based. Faces carry no pose.
 *
 * <p>Subsets follow the folders with the standard 300-W protocol: {@code lfpw/trainset}, {@code
 * helen/trainset} and {@code afw} are "train"; {@code lfpw/testset} and {@code helen/testset} are
 * "common"; {@code ibug} is "challenging" (common + challenging = full test set); any other folder
 * keeps its relative path as its subset name.
 */
public final class Pts300WLoader {
  private static final int N = 68;

  private Pts300WLoader() {}

  /** Every {@code .pts} under root, sorted by path. */
  public static List<LabelledFace> load(Path root) {
    Path base = root.toAbsolutePath().normalize();
    List<LabelledFace> faces = new ArrayList<>();
    for (Path pts : DataFiles.find(base, ".pts")) {
      faces.add(loadOne(pts, subsetOf(DataFiles.folderOf(base, pts))));
    }
    return faces;
  }

  /** One face from one {@code .pts} file and the image beside it. */
  public static LabelledFace loadOne(Path pts, String subset) {
    float[] points = readPoints(pts);
    return new LabelledFace(DataFiles.imageNextTo(pts), points, null, subset);
  }

  /** The standard 300-W split of a folder (relative to the data root), see class comment. */
  public static String subsetOf(String folder) {
    String f = folder.toLowerCase(Locale.ROOT);
    if (f.contains("ibug")) {
      return "challenging";
    }
    if (f.contains("lfpw/testset") || f.contains("helen/testset")) {
      return "common";
    }
    if (f.contains("lfpw/trainset") || f.contains("helen/trainset") || f.endsWith("afw")) {
      return "train";
    }
    return folder;
  }

  /** 136 floats, 0-based pixels, from a {@code .pts} file. */
  public static float[] readPoints(Path pts) {
    List<String> lines = DataFiles.readLines(pts);
    float[] points = new float[2 * N];
    int count = 0;
    boolean open = false;
    boolean closed = false;
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).trim();
      if (line.isEmpty() || closed) {
        continue;
      }
      if (line.startsWith("n_points")) {
        int declared = (int) DlibXmlLoader.parseFloat(pts, lineNo, line.split(":", 2)[1]);
        if (declared != N) {
          throw new DataFileException(pts, lineNo, "n_points is " + declared + ", expected 68");
        }
      } else if (line.equals("{")) {
        open = true;
      } else if (line.equals("}")) {
        closed = true;
      } else if (open) {
        String[] xy = line.split("\\s+");
        if (xy.length != 2) {
          throw new DataFileException(pts, lineNo, "expected 'x y', got '" + line + "'");
        }
        if (count == N) {
          throw new DataFileException(pts, lineNo, "more than 68 points");
        }
        points[2 * count] = DlibXmlLoader.parseFloat(pts, lineNo, xy[0]) - 1f;
        points[2 * count + 1] = DlibXmlLoader.parseFloat(pts, lineNo, xy[1]) - 1f;
        count++;
      }
    }
    if (count != N || !closed) {
      throw new DataFileException(
          pts,
          lines.size(),
          "found " + count + " points" + (closed ? "" : " and no '}'") + ", expected 68 in braces");
    }
    return points;
  }
}
