package io.asmnet.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmnet.trainer.data.ImageCache;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.SampleMaker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which faces an epoch trains on, with and without a cap per person. */
class AugmentingSourceTest {
  private final SampleMaker maker = new SampleMaker(new ImageCache(1 << 20));
  private final List<LabelledFace> faces = new ArrayList<>();

  AugmentingSourceTest() {
    for (int i = 0; i < 10; i++) {
      faces.add(face("video/frame" + i + ".png", "talker"));
    }
    faces.add(face("a.jpg", "anna"));
    faces.add(face("b.jpg", null));
    faces.add(face("c.jpg", "anna"));
  }

  private static LabelledFace face(String image, String person) {
    return person == null
        ? new LabelledFace(Path.of(image), new float[136], null, "t")
        : new LabelledFace(Path.of(image), new float[136], null, "t", person);
  }

  private AugmentingSource source(int cap) {
    return new AugmentingSource(faces, List.of(), maker, 42, AugmentMode.none, cap);
  }

  @Test
  void shouldTrainOnEveryFaceInTheGivenOrderWithoutACap() {
    assertThat(source(0).faces(0)).containsExactlyElementsOf(faces);
    assertThat(source(0).faces(5)).containsExactlyElementsOf(faces);
  }

  @Test
  void shouldTakeAtMostTheCapOfAPersonAndEveryFaceOfTheOthers() {
    List<LabelledFace> epoch = source(3).faces(0);
    assertThat(epoch).filteredOn(f -> f.person().equals("talker")).hasSize(3);
    assertThat(epoch).hasSize(6).containsSubsequence(faces.get(10), faces.get(11), faces.get(12));
    assertThat(epoch).isSubsetOf(faces);
    assertThat(faces).containsSubsequence(epoch);
  }

  @Test
  void shouldDrawAFreshRepeatableChoiceEachEpochThatCoversThePersonOverARun() {
    AugmentingSource source = source(3);
    assertThat(source.faces(1)).isEqualTo(source(3).faces(1));
    Set<List<LabelledFace>> choices = new HashSet<>();
    Set<LabelledFace> seen = new HashSet<>();
    for (int e = 0; e < 30; e++) {
      choices.add(source.faces(e));
      seen.addAll(source.faces(e));
    }
    assertThat(choices).as("different frames in different epochs").hasSizeGreaterThan(10);
    assertThat(seen).as("every frame in some epoch").containsAll(faces);
  }

  @Test
  void shouldRefuseANegativeCapAndAFaceWithoutAPerson() {
    assertThatThrownBy(() -> source(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> face("x.jpg", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("person");
  }
}
