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

/** Fetches (or reuses) dlib's example faces and checks the splits. Needs apt the first time. */
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
  void shouldLoad43FacesWithCoordinatesInsideTheirPhotos() {
    StarterDataset.Splits splits = StarterDataset.fetchAndLoad(cacheDir());

    assertThat(splits.train()).hasSize(18).allMatch(f -> f.subset().equals("train"));
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
      assertThat(box[0]).as("%s", face.image()).isGreaterThanOrEqualTo(0);
      assertThat(box[1]).isGreaterThanOrEqualTo(0);
      assertThat(box[2]).isLessThan(photo.width());
      assertThat(box[3]).isLessThan(photo.height());
      // a face, not a degenerate box: eyes apart, chin below the nose tip
      assertThat(p[2 * 45] - p[2 * 36]).isGreaterThan(5);
      assertThat(p[2 * 8 + 1]).isGreaterThan(p[2 * 30 + 1]);
    }
    assertThat(cache.decodes()).isEqualTo(9);
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
