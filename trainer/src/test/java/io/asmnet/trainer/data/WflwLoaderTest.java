package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WflwLoaderTest {
  @TempDir Path dir;

  /** WFLW point k at (k, 1000 + k), so the mapping can be read back from the coordinates. */
  static String line(String path) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < 98; k++) {
      b.append(k).append(".25 ").append(1000 + k).append(' ');
    }
    return b.append("1 2 300 400 0 1 0 0 1 0 ").append(path).toString();
  }

  @Test
  void shouldMapWflwPointsToThe68Layout() throws IOException {
    Path file = Files.writeString(dir.resolve("list.txt"), line("3--Riot/a.jpg") + "\n\n");

    List<LabelledFace> faces = WflwLoader.load(file, dir.resolve("images"), "test");

    assertThat(faces).hasSize(1);
    float[] p = faces.get(0).landmarks();
    assertThat(faces.get(0).image()).isEqualTo(dir.resolve("images/3--Riot/a.jpg"));
    assertThat(p[2 * 8]).isEqualTo(16.25f); // chin = WFLW contour point 16
    assertThat(p[2 * 16]).isEqualTo(32.25f);
    assertThat(p[2 * 36]).isEqualTo(60.25f); // outer eye corners
    assertThat(p[2 * 45]).isEqualTo(72.25f);
    assertThat(p[2 * 39 + 1]).isEqualTo(1064f); // inner corner 39 = WFLW 64
    assertThat(p[2 * 48]).isEqualTo(76.25f); // mouth corner
    assertThat(p[2 * 67]).isEqualTo(95.25f);
    assertThat(WflwLoader.WFLW_TO_68).hasSize(68).doesNotHaveDuplicates();
  }

  @Test
  void shouldSelectFacesByAttribute() throws IOException {
    // line() sets attributes 0 1 0 0 1 0: expression and occlusion
    Path file =
        Files.writeString(
            dir.resolve("list.txt"),
            line("a.jpg") + "\n" + line("b.jpg").replace(" 0 1 0 0 1 0 ", " 1 0 0 0 0 0 ") + "\n");

    List<LabelledFace> pose =
        WflwLoader.loadWithAttribute(file, dir, WflwLoader.Attribute.LARGEPOSE);
    List<LabelledFace> occluded =
        WflwLoader.loadWithAttribute(file, dir, WflwLoader.Attribute.OCCLUSION);

    assertThat(pose).extracting(f -> f.image().getFileName().toString()).containsExactly("b.jpg");
    assertThat(pose.get(0).subset()).isEqualTo("largepose");
    assertThat(occluded)
        .extracting(f -> f.image().getFileName().toString())
        .containsExactly("a.jpg");
  }

  @Test
  void shouldNameLineOfWrongFieldCountAndBadNumber() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("list.txt"),
            line("a.jpg") + "\n" + line("b.jpg").replace(" 7.25 ", " 7.2x5 ") + "\n1 2 3\n");
    assertThatThrownBy(() -> WflwLoader.load(file, dir, "test"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("list.txt:2")
        .hasMessageContaining("7.2x5");
    Path shortFile = Files.writeString(dir.resolve("short.txt"), line("a.jpg") + "\n1 2 3\n");
    assertThatThrownBy(() -> WflwLoader.load(shortFile, dir, "test"))
        .hasMessageContaining("short.txt:2")
        .hasMessageContaining("got 3");
  }
}
