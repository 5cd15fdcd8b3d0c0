package io.asmnet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.clip.StarterFaces;
import io.asmnet.cli.publish.EncodedFrame;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.StarterDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's inputs, from the starter data's face boxes, are the ones docs/BENCHMARKS.md
 * describes and its figures were measured on (when they came from the processor's test photos).
 */
class BenchWorkloadsTest {
  private static final Path CACHE = StarterFaces.cacheDir();

  @Test
  void shouldReadOneBoxPerFaceTheTrainerLoadsFromTheSamePhotos() {
    List<DlibPhotos.Photo> photos = DlibPhotos.load(CACHE);
    StarterDataset.Splits splits = StarterDataset.fetchAndLoad(CACHE);
    Map<Path, Long> trainerFaces =
        java.util.stream.Stream.concat(splits.train().stream(), splits.heldOut().stream())
            .filter(f -> !f.subset().equals(StarterDataset.TRAIN_TEACHER))
            .collect(
                Collectors.groupingBy(
                    f -> f.image().toAbsolutePath().normalize(), Collectors.counting()));

    assertThat(photos).hasSize(9);
    assertThat(photos.stream().mapToInt(p -> p.faces().size()).sum()).isEqualTo(43);
    for (DlibPhotos.Photo p : photos) {
      assertThat((long) p.faces().size())
          .as(p.file().toString())
          .isEqualTo(trainerFaces.get(p.file().toAbsolutePath().normalize()));
    }
    // Each labelled face's nose tip (point 30) lies in one of its photo's boxes.
    for (LabelledFace f : splits.heldOut()) {
      DlibPhotos.Photo photo =
          photos.stream()
              .filter(
                  p ->
                      p.file()
                          .toAbsolutePath()
                          .normalize()
                          .equals(f.image().toAbsolutePath().normalize()))
              .findFirst()
              .orElseThrow();
      float x = f.landmarks()[60];
      float y = f.landmarks()[61];
      assertThat(photo.faces())
          .anyMatch(b -> x >= b.x() && x <= b.x() + b.w() && y >= b.y() && y <= b.y() + b.h());
    }
  }

  @Test
  void shouldCutTheThirteenScenesAndTheMixOfFacesTheFiguresWereMeasuredOn() {
    List<Scene> scenes = Scenes.find(DlibPhotos.load(CACHE));

    Map<Integer, Long> byFaces =
        scenes.stream().collect(Collectors.groupingBy(Scene::faces, Collectors.counting()));
    assertThat(scenes).hasSize(13);
    assertThat(byFaces).containsEntry(1, 5L).containsEntry(2, 3L).containsEntry(3, 5L);

    Workload jpeg = Workloads.jpeg(scenes, 2, 150, 30);
    assertThat(jpeg.pictures()).isEqualTo(300);
    assertThat((double) jpeg.labelledFaces() / jpeg.pictures())
        .isCloseTo(1.90, org.assertj.core.data.Offset.offset(0.005));
    assertThat(jpeg.description())
        .isEqualTo("2 cameras x 150 JPEG 640x480 q90, shots of 30 frames over 10 of 13 scenes");
  }

  @Test
  void shouldEncodeTheMovingWindowOfTheSamePhotoAsAnH264ClipWithKeyframesEveryGop()
      throws Exception {
    Workload h264 = Workloads.h264(Scenes.find(DlibPhotos.load(CACHE)), 2, 12, 5);

    assertThat(h264.description())
        .contains("2009_004587.jpg: 1 face(s)", "pan +-87 px", "up to 5.5 px/frame");
    List<EncodedFrame> units = h264.cameras().get(0);
    assertThat(units)
        .hasSize(12)
        .allMatch(u -> u.codec() == Codec.H264 && u.width() == 640 && u.height() == 480);
    assertThat(units.stream().map(EncodedFrame::keyframe).toList())
        .containsExactly(
            true, false, false, false, false, true, false, false, false, false, true, false);
    assertThat(h264.cameras().get(1)).isEqualTo(units);
    assertThat(h264.labelledFaces()).isEqualTo(24);
  }
}
