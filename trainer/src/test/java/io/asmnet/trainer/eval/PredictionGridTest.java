package io.asmnet.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.Sample;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionGridTest {
  @TempDir Path dir;

  @Test
  void shouldDrawTruePointsGreenAndPredictionsRedInAGrid() throws Exception {
    Sample sample = EvalFixtures.sample(new HeadPose(0, 0, 0));
    Prediction off =
        new Prediction(EvalFixtures.shifted(sample.landmarks(), 10, 5), new HeadPose(0, 0, 0));
    Path png = dir.resolve("grid/faces.png");

    PredictionGrid.write(png, List.of(sample, sample, sample), List.of(off, off, off), 2);

    try (Mat image = imread(png.toString());
        UByteIndexer px = image.createIndexer()) {
      assertThat(image.cols()).isEqualTo(2 * Sample.SIZE);
      assertThat(image.rows()).isEqualTo(2 * Sample.SIZE);
      // the third tile is bottom left; eye corner 36 is at (70, 100) true, (80, 105) predicted
      int top = Sample.SIZE;
      int[] truePx = {px.get(top + 100, 70, 0), px.get(top + 100, 70, 1), px.get(top + 100, 70, 2)};
      int[] predPx = {px.get(top + 105, 80, 0), px.get(top + 105, 80, 1), px.get(top + 105, 80, 2)};
      assertThat(truePx[1]).isGreaterThan(150);
      assertThat(truePx[2]).isLessThan(100);
      assertThat(predPx[2]).isGreaterThan(200);
      assertThat(predPx[1]).isLessThan(100);
      // the unused fourth tile stays black; the background of a used tile keeps the crop's grey
      assertThat(px.get(top + 5, Sample.SIZE + 5, 0)).isZero();
      assertThat(px.get(top + 5, 5, 0)).isEqualTo(60);
    }
  }
}
