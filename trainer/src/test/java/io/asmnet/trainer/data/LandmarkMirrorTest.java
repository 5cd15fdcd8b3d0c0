package io.asmnet.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LandmarkMirrorTest {
  @Test
  void shouldBeAnInvolutionMappingEyeCorners() {
    for (int i = 0; i < 68; i++) {
      assertThat(LandmarkMirror.mirrorOf(LandmarkMirror.mirrorOf(i))).isEqualTo(i);
    }
    assertThat(LandmarkMirror.mirrorOf(36)).isEqualTo(45);
    assertThat(LandmarkMirror.mirrorOf(39)).isEqualTo(42);
    assertThat(LandmarkMirror.mirrorOf(0)).isEqualTo(16);
    assertThat(LandmarkMirror.mirrorOf(48)).isEqualTo(54);
    assertThat(LandmarkMirror.mirrorOf(30)).isEqualTo(30);
  }

  @Test
  void shouldMapTheMeanFaceOntoItselfWhenFlipped() {
    // the mean face is symmetric about x = 0: mirroring about 0 must give the same shape
    double[] xyz = MeanFace3d.points();
    float[] shape = new float[136];
    for (int i = 0; i < 68; i++) {
      shape[2 * i] = (float) xyz[3 * i];
      shape[2 * i + 1] = (float) xyz[3 * i + 1];
    }
    assertThat(LandmarkMirror.flip(shape, 0)).containsExactly(shape);
  }

  @Test
  void shouldRestoreLandmarksWhenFlippedTwice() {
    float[] points = new float[136];
    for (int i = 0; i < points.length; i++) {
      points[i] = i * 1.5f;
    }
    float[] once = LandmarkMirror.flip(points, 223);
    assertThat(once[2 * 45]).isEqualTo(223 - points[2 * 36]);
    assertThat(LandmarkMirror.flip(once, 223)).containsExactly(points);
  }
}
