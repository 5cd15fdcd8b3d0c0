package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed teacher labels, checked without the photos (a fake examples folder). */
class StarterDatasetTeacherTest {
  @TempDir Path examples;

  @Test
  void shouldHoldTheCommittedCountOfFacesWithPathsInsideTheExamplesFolder() {
    List<LabelledFace> faces = TeacherLabels.loadAll(examples);

    assertThat(faces).hasSize(StarterDataset.TEACHER_COUNT);
    Path base = examples.toAbsolutePath().normalize();
    assertThat(faces)
        .allMatch(f -> f.subset().equals(StarterDataset.TRAIN_TEACHER))
        .allMatch(
            f ->
                f.image().startsWith(base.resolve("johns"))
                    || f.image().startsWith(base.resolve("faces")));
    // none of the 9 PASCAL photos: 5 of them are the held-out set
    assertThat(faces).noneMatch(f -> f.image().getFileName().toString().matches("20\\d\\d_.*"));
    assertThat(faces.stream().filter(f -> f.image().startsWith(base.resolve("johns")))).hasSize(55);
  }

  @Test
  void shouldKeepOnlyFacesWhosePhotoExists() throws IOException {
    List<LabelledFace> all = TeacherLabels.loadAll(examples);
    Path present = all.get(0).image();
    Files.createDirectories(present.getParent());
    Files.createFile(present);

    List<LabelledFace> faces = TeacherLabels.load(examples);

    assertThat(faces).isNotEmpty().allMatch(f -> f.image().equals(present));
    assertThat(faces).hasSize((int) all.stream().filter(f -> f.image().equals(present)).count());
  }

  @Test
  void shouldLabelFacesPlausibly() {
    for (LabelledFace face : TeacherLabels.loadAll(examples)) {
      float[] p = face.landmarks();
      // eyes apart (outer corners 36, 45), chin (8) below the nose tip (30)
      assertThat(p[2 * 45] - p[2 * 36]).as("%s", face.image()).isGreaterThan(5);
      assertThat(p[2 * 8 + 1]).as("%s", face.image()).isGreaterThan(p[2 * 30 + 1]);
    }
  }
}
