package io.asmnet.processor.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceRegion;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaceCropperTest {
  private final FaceCropper cropper = new FaceCropper(0.1);
  private BatchBuffer buffer;
  private Mat frame;

  /** A 200x100 frame: left half BGR (10, 20, 30), right half (200, 100, 50). */
  @BeforeEach
  void givenATwoColourFrame() {
    buffer = new BatchBuffer(2);
    frame = new Mat(100, 200, CV_8UC3, new Scalar(10, 20, 30, 0));
    try (Mat right = frame.apply(new Rect(100, 0, 100, 100))) {
      right.put(new Scalar(200, 100, 50, 0));
    }
  }

  @AfterEach
  void close() {
    frame.close();
    buffer.close();
    cropper.close();
  }

  private static int[] bgrAt(Mat m, int row, int col) {
    try (UByteIndexer idx = m.createIndexer()) {
      return new int[] {idx.get(row, col, 0), idx.get(row, col, 1), idx.get(row, col, 2)};
    }
  }

  @Test
  void shouldWriteTheCropIntoTheBatchBufferSlot() {
    CropSlot slot = buffer.slot(1);

    cropper.crop(frame, FaceRegion.roi(new FaceBox(10, 20, 40, 40, 1)), slot);

    int offset = LandmarkModel.CROP_BYTES + (100 * LandmarkModel.SIZE + 100) * 3;
    assertThat(
            new int[] {
              buffer.data().get(offset) & 0xFF,
              buffer.data().get(offset + 1) & 0xFF,
              buffer.data().get(offset + 2) & 0xFF
            })
        .containsExactly(10, 20, 30);
    assertThat(slot.pixels().cols()).isEqualTo(224);
  }

  @Test
  void shouldRefuseAFrameThatIsNotBgr() {
    try (Mat grey = new Mat(50, 50, CV_8UC1, new Scalar(7.0))) {
      assertThatThrownBy(
              () ->
                  cropper.crop(grey, FaceRegion.roi(new FaceBox(1, 1, 20, 20, 1)), buffer.slot(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CV_8UC3");
    }
    assertThat(buffer.slot(0).pixels().type()).isEqualTo(CV_8UC3);
  }

  @Test
  void shouldSquareTheLandmarkBoxWithTheMarginAroundItsCentre() {
    // A face region 52 px wide: landmarks spanning 40 px, centred 0.12 * 40 px below its centre.
    CropGeometry g = CropGeometry.of(FaceRegion.roi(new FaceBox(100, 50, 52, 26, 1)), 0.1);

    assertThat(g.side()).isCloseTo(40 * (1 + 2 * 0.1), within(1e-4));
    assertThat(g.cx()).isCloseTo(126, within(1e-4));
    assertThat(g.cy()).isCloseTo(63 + 0.12 * 40, within(1e-4));
    // the trainer's convention: x_crop = (x - cx) * 224 / side + 111.5
    assertThat(g.toFrameX(111.5f, 111.5f)).isCloseTo(126f, within(1e-4f));
    assertThat(g.toFrameX(111.5f + 224, 111.5f)).isCloseTo((float) (126 + g.side()), within(1e-3f));
    assertThat(g.toFrameY(111.5f, 111.5f - 112))
        .isCloseTo((float) (g.cy() - g.side() / 2), within(1e-3f));
  }

  @Test
  void shouldMatchOpenCvResizeOfTheSquareForAFaceInside() {
    // A gradient frame, so that a crop of the wrong square would differ (8-bit values cannot tell a
    // half-pixel shift: the affine check below does).
    try (Mat gradient = new Mat(300, 300, CV_8UC3)) {
      try (UByteIndexer idx = gradient.createIndexer()) {
        for (int y = 0; y < 300; y++) {
          for (int x = 0; x < 300; x++) {
            idx.put(y, x, 0, x * 255 / 299).put(y, x, 1, y * 255 / 299).put(y, x, 2, 128);
          }
        }
      }
      // landmarks spanning (100,100)-(200,200): square side 120 from (90,90); 120 -> 224 like
      // cv::resize
      FaceBox region = FaceRegion.fromLandmarks(new float[] {100, 100, 200, 200}, 1);
      CropGeometry g = cropper.crop(gradient, FaceRegion.roi(region), buffer.slot(0));
      var m = buffer.slot(0).affineIndexer();
      assertThat(m.get(0, 0) * g.cx() + m.get(0, 2)).isCloseTo(111.5, within(1e-9));
      assertThat(m.get(1, 1) * (g.cy() - g.side() / 2) + m.get(1, 2)).isCloseTo(-0.5, within(1e-9));
      try (Mat square = gradient.apply(new Rect(90, 90, 120, 120));
          Mat resized = new Mat()) {
        org.bytedeco.opencv.global.opencv_imgproc.resize(
            square, resized, new org.bytedeco.opencv.opencv_core.Size(224, 224));
        for (int[] at : new int[][] {{0, 0}, {50, 173}, {223, 223}, {111, 112}}) {
          int[] ours = bgrAt(buffer.slot(0).pixels(), at[0], at[1]);
          int[] ref = bgrAt(resized, at[0], at[1]);
          for (int c = 0; c < 3; c++) {
            assertThat(ours[c])
                .as("pixel %s channel %d", java.util.Arrays.toString(at), c)
                .isCloseTo(ref[c], within(1));
          }
        }
      }
    }
  }

  @Test
  void shouldFillBlackWhereAFaceReachesOutsideTheFrame() {
    CropSlot slot = buffer.slot(0);

    cropper.crop(frame, FaceRegion.roi(new FaceBox(-30, -30, 50, 50, 1)), slot);

    assertThat(bgrAt(slot.pixels(), 0, 0)).containsExactly(0, 0, 0);
    assertThat(bgrAt(slot.pixels(), 223, 223)).containsExactly(10, 20, 30);
  }

  @Test
  void shouldShowBothHalvesForAFaceOnTheBoundary() {
    CropSlot slot = buffer.slot(0);

    cropper.crop(frame, FaceRegion.roi(new FaceBox(80, 30, 40, 40, 1)), slot);

    assertThat(bgrAt(slot.pixels(), 112, 5)).containsExactly(10, 20, 30);
    assertThat(bgrAt(slot.pixels(), 112, 218)).containsExactly(200, 100, 50);
  }
}
