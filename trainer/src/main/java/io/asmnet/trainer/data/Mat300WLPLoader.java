package io.asmnet.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Reads 300W-LP and AFLW2000-3D {@code .mat} labels with mfl-core: {@code Pose_Para} (1 x 7: pitch,
 * yaw, roll in radians, tx, ty, tz, scale) and {@code pt2d} (2 x 68, row 0 x, row 1 y). The photo
 * is the {@code .jpg} of the same base name. {@code pt2d} is taken as MATLAB 1-based pixels (the
 * sets were made in MATLAB), so 1 is subtracted. The pose is converted to ours with {@link
 * PoseConvention#from300WLP} (single-axis: yaw negated, pitch and roll kept). The subset is the
 * folder relative to the root (e.g. "AFW", "HELEN_Flip", or "" for AFLW2000's flat folder).
 */
public final class Mat300WLPLoader {
  private static final int N = 68;

  private Mat300WLPLoader() {}

  /** Every {@code .mat} under root that has a photo beside it, sorted by path. */
  public static List<LabelledFace> load(Path root) {
    Path base = root.toAbsolutePath().normalize();
    List<LabelledFace> faces = new ArrayList<>();
    for (Path mat : DataFiles.find(base, ".mat")) {
      faces.add(loadOne(mat, DataFiles.folderOf(base, mat)));
    }
    return faces;
  }

  /** One face from one {@code .mat} file and the image beside it. */
  public static LabelledFace loadOne(Path matFile, String subset) {
    if (!Files.isRegularFile(matFile)) {
      throw new DataFileException(matFile, 0, "file not found");
    }
    float[] points = new float[2 * N];
    HeadPose pose;
    try (Mat5File mat = Mat5.readFromFile(matFile.toFile())) {
      Matrix pt2d = variable(mat, matFile, "pt2d");
      if (pt2d.getNumRows() != 2 || pt2d.getNumCols() != N) {
        throw new DataFileException(
            matFile,
            0,
            "pt2d is " + pt2d.getNumRows() + "x" + pt2d.getNumCols() + ", expected 2x68");
      }
      for (int i = 0; i < N; i++) {
        points[2 * i] = (float) pt2d.getDouble(0, i) - 1f;
        points[2 * i + 1] = (float) pt2d.getDouble(1, i) - 1f;
      }
      Matrix para = variable(mat, matFile, "Pose_Para");
      if (para.getNumElements() < 3) {
        throw new DataFileException(matFile, 0, "Pose_Para has fewer than 3 values");
      }
      pose = PoseConvention.from300WLP(para.getDouble(0), para.getDouble(1), para.getDouble(2));
    } catch (DataFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // mfl-core reports a non-MAT file or a non-finite pose as unchecked exceptions
      throw new DataFileException(matFile, 0, "cannot read MAT file: " + e.getMessage(), e);
    }
    return new LabelledFace(DataFiles.imageNextTo(matFile), points, pose, subset);
  }

  private static Matrix variable(Mat5File mat, Path file, String name) {
    try {
      return mat.getMatrix(name);
    } catch (RuntimeException e) {
      throw new DataFileException(file, 0, "no numeric variable " + name, e);
    }
  }
}
