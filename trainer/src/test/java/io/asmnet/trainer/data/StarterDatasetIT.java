package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fetches (or reuses) dlib's example faces and checks the splits, teacher-labelled training faces
 * included. Needs apt the first time.
 */
@Tag("integration")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StarterDatasetIT {
  /** The checkout's cache (as the fetch script uses), found from the trainer module folder. */
  private static Path cacheDir() {
    String env = System.getenv("ASMNET_DATA_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of("").toAbsolutePath().getParent().resolve(".cache/dlib");
  }

  @Test
  void shouldLoadHumanSplitsPlusTeacherFacesWithCoordinatesInsideTheirPhotos() {
    StarterDataset.Splits splits = StarterDataset.fetchAndLoad(cacheDir());

    List<LabelledFace> dlibTrain =
        splits.train().stream().filter(f -> f.subset().equals(StarterDataset.TRAIN)).toList();
    List<LabelledFace> teacher =
        splits.train().stream()
            .filter(f -> f.subset().equals(StarterDataset.TRAIN_TEACHER))
            .toList();
    assertThat(dlibTrain).hasSize(18);
    assertThat(teacher).hasSize(StarterDataset.TEACHER_COUNT);
    assertThat(splits.train()).hasSize(18 + StarterDataset.TEACHER_COUNT);
    assertThat(splits.heldOut()).hasSize(25).allMatch(f -> f.subset().equals("heldout"));
    Set<Path> trainPhotos = new HashSet<>();
    splits.train().forEach(f -> trainPhotos.add(f.image()));
    assertThat(splits.heldOut()).noneMatch(f -> trainPhotos.contains(f.image()));

    List<LabelledFace> all = new ArrayList<>(splits.train());
    all.addAll(splits.heldOut());
    ImageCache cache = new ImageCache(256L << 20);
    for (LabelledFace face : all) {
      DecodedImage photo = cache.get(face.image());
      float[] p = face.landmarks();
      float[] box = SampleMaker.box(p);
      // The johns are tight 150x150 crops: the teacher puts some chins up to 5 px below the
      // bottom edge, where the face goes on. Allow 5 % of the face box outside for those.
      float slack =
          face.subset().equals(StarterDataset.TRAIN_TEACHER)
              ? 0.05f * Math.max(box[2] - box[0], box[3] - box[1])
              : 0;
      assertThat(box[0]).as("%s", face.image()).isGreaterThanOrEqualTo(-slack);
      assertThat(box[1]).as("%s", face.image()).isGreaterThanOrEqualTo(-slack);
      assertThat(box[2]).as("%s", face.image()).isLessThan(photo.width() + slack);
      assertThat(box[3]).as("%s", face.image()).isLessThan(photo.height() + slack);
      // a face, not a degenerate box: eyes apart, chin below the nose tip
      assertThat(p[2 * 45] - p[2 * 36]).isGreaterThan(5);
      assertThat(p[2 * 8 + 1]).isGreaterThan(p[2 * 30 + 1]);
    }
    // 9 PASCAL photos + 55 johns + bald_guys + Tom_Cruise
    assertThat(cache.decodes()).isEqualTo(9 + 57);
  }

  @Test
  void shouldMakeSamplesWithPlausiblePosesForEveryFace() {
    StarterDataset.Splits splits = StarterDataset.fetchAndLoad(cacheDir());
    SampleMaker maker = new SampleMaker(new ImageCache(256L << 20));
    List<LabelledFace> all = new ArrayList<>(splits.train());
    all.addAll(splits.heldOut());
    for (LabelledFace face : all) {
      Sample sample = maker.make(face, null);
      assertThat(Math.abs(sample.pose().yaw())).as("%s", face.image()).isLessThan(90);
      assertThat(Math.abs(sample.pose().pitch())).isLessThan(90);
      assertThat(Math.abs(sample.pose().roll())).isLessThan(90);
      float[] box = SampleMaker.box(sample.landmarks());
      assertThat(box[0]).isGreaterThan(0);
      assertThat(box[2]).isLessThan(Sample.SIZE);
    }
  }
}
