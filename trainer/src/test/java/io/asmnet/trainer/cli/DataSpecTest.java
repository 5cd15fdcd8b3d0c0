package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.trainer.cli.DataSpec.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSpecTest {
  @Test
  void shouldParseEveryForm() {
    assertThat(DataSpec.parse("starter")).isEqualTo(new DataSpec(Kind.STARTER, null, null));
    assertThat(DataSpec.parse("starter-heldout").kind()).isEqualTo(Kind.STARTER_HELDOUT);
    assertThat(DataSpec.parse("teacher")).isEqualTo(new DataSpec(Kind.TEACHER, null, null));
    assertThat(DataSpec.parse("teacher-heldout").kind()).isEqualTo(Kind.TEACHER_HELDOUT);
    assertThat(DataSpec.parse("none").kind()).isEqualTo(Kind.NONE);
    assertThat(DataSpec.parse("dlib:a/b.xml"))
        .isEqualTo(new DataSpec(Kind.DLIB, Path.of("a/b.xml"), null));
    assertThat(DataSpec.parse("300w:/d/300W"))
        .isEqualTo(new DataSpec(Kind.W300, Path.of("/d/300W"), null));
    assertThat(DataSpec.parse("300wlp:lp"))
        .isEqualTo(new DataSpec(Kind.W300LP, Path.of("lp"), null));
    assertThat(DataSpec.parse("wflw:ann.txt"))
        .isEqualTo(new DataSpec(Kind.WFLW, Path.of("ann.txt"), null));
    assertThat(DataSpec.parse("wflw:ann.txt,imgs"))
        .isEqualTo(new DataSpec(Kind.WFLW, Path.of("ann.txt"), Path.of("imgs")));
  }

  @Test
  void shouldNameTheAcceptedFormsOnBadInput() {
    assertThatThrownBy(() -> DataSpec.parse("dlib:")).hasMessageContaining("dlib:FILE.xml");
    assertThatThrownBy(() -> DataSpec.parse("coco:x"))
        .hasMessageContaining("unknown data set 'coco:x'");
    assertThatThrownBy(() -> new DataSpec(Kind.DLIB, null, null))
        .hasMessageContaining("needs a path");
  }

  @Test
  void shouldLoadDlibAndNoneWithTheRealLoader(@TempDir Path dir) throws Exception {
    Path xml = SyntheticFaceSet.write(dir, "faces", 3, 1);
    assertThat(DataSpec.parse("dlib:" + xml).load(dir))
        .hasSize(3)
        .allMatch(f -> f.landmarks().length == 136);
    assertThat(DataSpec.parse("none").load(dir)).isEmpty();
  }
}
