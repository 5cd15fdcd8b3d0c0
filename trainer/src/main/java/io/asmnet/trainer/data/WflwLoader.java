package io.asmnet.trainer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads WFLW annotation files: one face per line, 196 numbers (98 points x, y in 0-based pixels), 4
 * box numbers (x_min y_min x_max y_max), 6 binary attributes (pose, expression, illumination,
 * make-up, occlusion, blur), then the image path relative to the images folder. The 98 points are
 * reduced to the iBUG 68 layout with {@link #WFLW_TO_68}. Faces carry no pose.
 */
public final class WflwLoader {
  private static final int FIELDS = 196 + 4 + 6 + 1;

  /**
   * For each of the 68 iBUG points, the WFLW point that marks the same feature. Reasoning from the
   * two layouts' definitions (WFLW: 33 contour points 0-32 at twice the iBUG density, brows 33-41 /
   * 42-50 with the upper edge first, nose ridge 51-54, nostrils 55-59, 8 points per eye 60-67 /
   * 68-75 starting at the outer corner, mouth 76-95 as in iBUG, pupils 96-97): contour i -> 2i; the
   * five upper-edge points of each brow; the ridge and nostrils one to one; per eye the corners and
   * the two eyelid points at the iBUG positions (skipping WFLW's mid-lid points 62/66 and 70/74);
   * the mouth one to one. This is the mapping commonly used to compare WFLW models on 68-point
   * benchmarks.
   */
  static final int[] WFLW_TO_68 = {
    0,
    2,
    4,
    6,
    8,
    10,
    12,
    14,
    16,
    18,
    20,
    22,
    24,
    26,
    28,
    30,
    32, // jaw 0-16
    33,
    34,
    35,
    36,
    37, // right brow (image left) 17-21
    42,
    43,
    44,
    45,
    46, // left brow 22-26
    51,
    52,
    53,
    54, // nose ridge 27-30
    55,
    56,
    57,
    58,
    59, // nostrils 31-35
    60,
    61,
    63,
    64,
    65,
    67, // eye 36-41
    68,
    69,
    71,
    72,
    73,
    75, // eye 42-47
    76,
    77,
    78,
    79,
    80,
    81,
    82,
    83,
    84,
    85,
    86,
    87, // outer mouth 48-59
    88,
    89,
    90,
    91,
    92,
    93,
    94,
    95 // inner mouth 60-67
  };

  /** WFLW's six per-face flags, in file order; each names an evaluation subset of the test set. */
  public enum Attribute {
    LARGEPOSE,
    EXPRESSION,
    ILLUMINATION,
    MAKEUP,
    OCCLUSION,
    BLUR;

    /** The subset name used for faces with this flag, e.g. "largepose". */
    public String subsetName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private WflwLoader() {}

  /**
   * The faces whose flag is set, as the subset {@link Attribute#subsetName()} (e.g. the "largepose"
   * test subset of the published WFLW results).
   */
  public static List<LabelledFace> loadWithAttribute(
      Path annotations, Path imageRoot, Attribute attribute) {
    List<String> lines = DataFiles.readLines(annotations);
    List<LabelledFace> faces = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      LabelledFace face = parseLine(annotations, i + 1, line, imageRoot, attribute.subsetName());
      String flag = line.split("\\s+")[200 + attribute.ordinal()];
      if (DlibXmlLoader.parseFloat(annotations, i + 1, flag) != 0) {
        faces.add(face);
      }
    }
    return faces;
  }

  /**
   * @param annotations a WFLW annotation text file
   * @param imageRoot the folder the image paths are relative to ({@code WFLW_images})
   * @param subset the subset name to give every face (e.g. "train", "test", "largepose")
   */
  public static List<LabelledFace> load(Path annotations, Path imageRoot, String subset) {
    List<String> lines = DataFiles.readLines(annotations);
    List<LabelledFace> faces = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.isEmpty()) {
        faces.add(parseLine(annotations, i + 1, line, imageRoot, subset));
      }
    }
    return faces;
  }

  static LabelledFace parseLine(Path file, int lineNo, String line, Path root, String subset) {
    String[] tokens = line.split("\\s+");
    if (tokens.length != FIELDS) {
      throw new DataFileException(
          file,
          lineNo,
          "expected 196 coordinates, 4 box values, 6 attributes and a path ("
              + FIELDS
              + " fields), got "
              + tokens.length);
    }
    float[] wflw = new float[196];
    for (int k = 0; k < wflw.length; k++) {
      wflw[k] = DlibXmlLoader.parseFloat(file, lineNo, tokens[k]);
    }
    for (int k = 196; k < FIELDS - 1; k++) {
      DlibXmlLoader.parseFloat(file, lineNo, tokens[k]); // box and attributes must be numbers
    }
    return new LabelledFace(root.resolve(tokens[FIELDS - 1]), to68(wflw), null, subset);
  }

  /** Reduces 196 WFLW coordinates to the 136 of the iBUG layout. */
  public static float[] to68(float[] wflw) {
    float[] out = new float[136];
    for (int i = 0; i < WFLW_TO_68.length; i++) {
      out[2 * i] = wflw[2 * WFLW_TO_68[i]];
      out[2 * i + 1] = wflw[2 * WFLW_TO_68[i] + 1];
    }
    return out;
  }
}
