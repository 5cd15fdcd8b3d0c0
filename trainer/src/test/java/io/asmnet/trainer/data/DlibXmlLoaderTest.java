package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlibXmlLoaderTest {
  @TempDir Path dir;

  static String box(int parts, String badX) {
    StringBuilder b = new StringBuilder("    <box top='10' left='20' width='50' height='50'>\n");
    for (int i = 0; i < parts; i++) {
      String x = i == 5 && badX != null ? badX : String.valueOf(100 + i);
      b.append(String.format("      <part name='%02d' x='%s' y='%d'/>%n", i, x, 200 + i));
    }
    return b.append("    </box>\n").toString();
  }

  static String xml(String boxes) {
    return "<?xml version='1.0' encoding='ISO-8859-1'?>\n<dataset>\n<images>\n"
        + "  <image file='photos/a.jpg'>\n"
        + boxes
        + "  </image>\n</images>\n</dataset>\n";
  }

  @Test
  void shouldLoadCompleteBoxesAndSkipPartialOnes() throws IOException {
    Path file = Files.writeString(dir.resolve("train.xml"), xml(box(68, null) + box(5, null)));

    List<LabelledFace> faces = DlibXmlLoader.load(file);

    assertThat(faces).hasSize(1);
    LabelledFace face = faces.get(0);
    assertThat(face.image()).isEqualTo(dir.resolve("photos/a.jpg").toAbsolutePath());
    assertThat(face.subset()).isEqualTo("train");
    assertThat(face.pose()).isNull();
    assertThat(face.landmarks()[0]).isEqualTo(100f);
    assertThat(face.landmarks()[2 * 67 + 1]).isEqualTo(267f);
  }

  @Test
  void shouldNameFileAndLineOfAnUnparsableNumber() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.xml"), xml(box(68, "1x")));
    // header 3 lines, image line 4, box line 5, parts from line 6: part 5 is on line 11
    assertThatThrownBy(() -> DlibXmlLoader.load(file))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("bad.xml:11")
        .hasMessageContaining("1x");
  }

  @Test
  void shouldNameAMissingFile() {
    Path missing = dir.resolve("none.xml");
    assertThatThrownBy(() -> DlibXmlLoader.load(missing))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("none.xml")
        .hasMessageContaining("not found");
  }

  @Test
  void shouldNameLineOfMalformedXml() throws IOException {
    Path file = Files.writeString(dir.resolve("broken.xml"), "<dataset>\n<images>\n<image\n");
    assertThatThrownBy(() -> DlibXmlLoader.load(file))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("broken.xml:4: malformed XML");
  }
}
