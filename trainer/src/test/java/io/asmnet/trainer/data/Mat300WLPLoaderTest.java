package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

class Mat300WLPLoaderTest {
  @TempDir Path dir;

  private Path writeMat(Path folder, String name, int points, double[] posePara)
      throws IOException {
    Files.createDirectories(folder);
    Matrix pt2d = Mat5.newMatrix(2, points);
    for (int i = 0; i < points; i++) {
      pt2d.setDouble(0, i, 11 + i);
      pt2d.setDouble(1, i, 101 + i);
    }
    Matrix pose = Mat5.newMatrix(1, 7);
    for (int i = 0; i < posePara.length; i++) {
      pose.setDouble(0, i, posePara[i]);
    }
    try (MatFile mat = Mat5.newMatFile().addArray("pt2d", pt2d).addArray("Pose_Para", pose)) {
      Mat5.writeToFile(mat, folder.resolve(name + ".mat").toFile());
    }
    Files.write(folder.resolve(name + ".jpg"), new byte[] {1});
    return folder.resolve(name + ".mat");
  }

  @Test
  void shouldReadPointsAndConvertPose() throws IOException {
    double yaw = Math.toRadians(40);
    double pitch = Math.toRadians(-10);
    writeMat(dir.resolve("HELEN"), "face_1", 68, new double[] {pitch, yaw, 0, 1, 2, 3, 0.5});

    List<LabelledFace> faces = Mat300WLPLoader.load(dir);

    assertThat(faces).hasSize(1);
    LabelledFace face = faces.get(0);
    assertThat(face.subset()).isEqualTo("HELEN");
    assertThat(face.image().getFileName().toString()).isEqualTo("face_1.jpg");
    assertThat(face.landmarks()[0]).isEqualTo(10f); // 1-based -> 0-based
    assertThat(face.landmarks()[1]).isEqualTo(100f);
    assertThat(face.landmarks()[135]).isEqualTo(167f);
    // their positive yaw turns the nose to image left: ours is negated; pitch keeps its sign
    assertThat(face.pose().yaw()).isCloseTo(-40f, within(1e-3f));
    assertThat(face.pose().pitch()).isCloseTo(-10f, within(1e-3f));
    assertThat(face.pose().roll()).isCloseTo(0f, within(1e-3f));
  }

  @Test
  void shouldRejectWrongPointCountAndMissingFile() throws IOException {
    Path bad = writeMat(dir, "bad", 21, new double[] {0, 0, 0});
    assertThatThrownBy(() -> Mat300WLPLoader.loadOne(bad, "x"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("bad.mat")
        .hasMessageContaining("2x21");
    assertThatThrownBy(() -> Mat300WLPLoader.loadOne(dir.resolve("gone.mat"), "x"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("gone.mat");
  }

  @Test
  void shouldRejectAFileThatIsNotMat() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.mat"), "not a mat file");
    assertThatThrownBy(() -> Mat300WLPLoader.loadOne(junk, "x"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("junk.mat");
  }
}
