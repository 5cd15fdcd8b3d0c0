package io.asmnet.trainer.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.trainer.data.LabelledFace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorFramingTest {
  /** A face whose landmarks span x 100-200, y 50-130: extent 100, centre (150, 90). */
  private static LabelledFace face() {
    float[] lm = new float[136];
    for (int i = 0; i < 68; i++) {
      lm[2 * i] = 100 + (i % 2 == 0 ? 0 : 100);
      lm[2 * i + 1] = 50 + (i % 3 == 0 ? 0 : 80);
    }
    return new LabelledFace(Path.of("p.png"), lm, null, "t");
  }

  @Test
  void shouldReadABoxAsTheProcessorDoesAndMeasureWhatIsLeft() {
    DetectorFraming framing = new DetectorFraming();
    // calibrated exactly: side 1.0 extents, centre 0.06 extents above the landmarks' centre
    framing.add(face(), List.of(new BlazeFaceBoxes.Box(150, 84, 100, 100, 0.9)));
    // 5 px right, 10 % too big
    framing.add(face(), List.of(new BlazeFaceBoxes.Box(155, 84 - 0.06 * 10, 110, 110, 0.9)));
    List<DetectorFraming.Residual> r = framing.residuals();
    assertThat(r.get(0).dx()).isCloseTo(0, within(1e-9));
    assertThat(r.get(0).dy()).isCloseTo(0, within(1e-9));
    assertThat(r.get(0).logScale()).isCloseTo(0, within(1e-9));
    assertThat(r.get(1).dx()).isCloseTo(0.05, within(1e-9));
    assertThat(r.get(1).dy()).isCloseTo(0, within(1e-9));
    assertThat(r.get(1).logScale()).isCloseTo(Math.log(1.1), within(1e-9));
  }

  @Test
  void shouldCountAFaceNoBoxOverlapsAsMissedAndPickTheBestOverlap() {
    DetectorFraming framing = new DetectorFraming();
    framing.add(face(), List.of(new BlazeFaceBoxes.Box(400, 400, 100, 100, 0.9)));
    framing.add(
        face(),
        List.of(
            new BlazeFaceBoxes.Box(400, 400, 100, 100, 0.9),
            new BlazeFaceBoxes.Box(152, 84, 100, 100, 0.7)));
    DetectorFraming.Summary s = framing.summary();
    assertThat(s.faces()).isEqualTo(1);
    assertThat(s.missed()).isEqualTo(1);
    assertThat(s.dx().median()).isCloseTo(0.02, within(1e-9));
  }

  @Test
  void shouldSummariseRobustlyAndKeepTheTailsInTheSpanSd() {
    double[] v = new double[101];
    for (int i = 0; i <= 100; i++) {
      v[i] = (i - 50) / 50.0; // uniform -1..1
    }
    DetectorFraming.Spread s = DetectorFraming.Spread.of(v);
    assertThat(s.median()).isCloseTo(0, within(1e-12));
    assertThat(s.p5()).isCloseTo(-0.9, within(1e-9));
    assertThat(s.p95()).isCloseTo(0.9, within(1e-9));
    assertThat(s.robustSd()).isCloseTo(1.4826 * 0.5, within(1e-9));
    assertThat(s.spanSd()).isCloseTo(1.8 / 3.29, within(1e-9));
    assertThatThrownBy(() -> new DetectorFraming().summary()).hasMessageContaining("no face");
  }
}
