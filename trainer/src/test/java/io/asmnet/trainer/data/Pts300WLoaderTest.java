package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pts300WLoaderTest {
  @TempDir Path dir;

  static String pts(int points, String bad) {
    StringBuilder b = new StringBuilder("version: 1\nn_points: 68\n{\n");
    for (int i = 0; i < points; i++) {
      b.append(i == 3 && bad != null ? bad : (10.5 + i) + " " + (20 + i)).append('\n');
    }
    return b.append("}\n").toString();
  }

  private Path write(String folder, String name, String text, String imageExt) throws IOException {
    Path f = Files.createDirectories(dir.resolve(folder));
    Files.write(f.resolve(name + imageExt), new byte[] {1});
    return Files.writeString(f.resolve(name + ".pts"), text);
  }

  @Test
  void shouldConvertOneBasedPointsAndSplitByFolder() throws IOException {
    write("lfpw/trainset", "a", pts(68, null), ".png");
    write("ibug", "b", pts(68, null), ".jpg");
    write("helen/testset", "c", pts(68, null), ".jpg");

    List<LabelledFace> faces = Pts300WLoader.load(dir);

    assertThat(faces)
        .extracting(LabelledFace::subset)
        .containsExactly("common", "challenging", "train");
    LabelledFace train = faces.get(2);
    assertThat(train.image().getFileName().toString()).isEqualTo("a.png");
    assertThat(train.landmarks()[0]).isEqualTo(9.5f);
    assertThat(train.landmarks()[1]).isEqualTo(19f);
    assertThat(train.landmarks()[135]).isEqualTo(86f);
  }

  @Test
  void shouldRejectWrongPointCountWithFile() throws IOException {
    Path file = write("afw", "short", pts(67, null), ".jpg");
    assertThatThrownBy(() -> Pts300WLoader.loadOne(file, "train"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("short.pts:")
        .hasMessageContaining("67");
  }

  @Test
  void shouldNameLineOfUnparsableNumber() throws IOException {
    Path file = write("afw", "bad", pts(68, "12 abc"), ".jpg");
    // header is 3 lines, point 3 is on line 7
    assertThatThrownBy(() -> Pts300WLoader.loadOne(file, "train"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("bad.pts:7")
        .hasMessageContaining("abc");
  }

  @Test
  void shouldNameMissingImageAndMissingFile() throws IOException {
    Path f = Files.createDirectories(dir.resolve("afw"));
    Path noImage = Files.writeString(f.resolve("lonely.pts"), pts(68, null));
    assertThatThrownBy(() -> Pts300WLoader.loadOne(noImage, "train"))
        .hasMessageContaining("lonely.pts")
        .hasMessageContaining("no image");
    assertThatThrownBy(() -> Pts300WLoader.loadOne(f.resolve("gone.pts"), "train"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("gone.pts")
        .hasMessageContaining("not found");
  }
}
