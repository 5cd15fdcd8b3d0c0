package io.asmnet.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  @TempDir Path dir;

  /** Shifts each face by (index in subset) x 4 px and adds (1, -2, 3) degrees to the pose. */
  private final LandmarkPredictor shifting =
      batch -> {
        List<Prediction> out = new ArrayList<>();
        for (Sample s : batch) {
          float shift = s.bgr()[0]; // the fixture stores the shift in the first byte
          HeadPose p = s.pose();
          out.add(
              new Prediction(
                  EvalFixtures.shifted(s.landmarks(), shift, 0),
                  new HeadPose(p.yaw() + 1, p.pitch() - 2, p.roll() + 3)));
        }
        return out;
      };

  private static List<Sample> samples(int... shifts) {
    List<Sample> list = new ArrayList<>();
    for (int shift : shifts) {
      Sample s = EvalFixtures.sample(new HeadPose(10, 0, -5));
      s.bgr()[0] = (byte) shift;
      list.add(s);
    }
    return list;
  }

  @Test
  void shouldScoreEachSubsetAndTheWholeSet() {
    Map<String, List<Sample>> bySubset = new LinkedHashMap<>();
    bySubset.put("common", samples(0, 4, 8)); // NME 0, 0.05, 0.1 (not a failure)
    bySubset.put("challenging", samples(12)); // NME 0.15, a failure

    EvalReport report = new Evaluator(2).evaluate("m", shifting, bySubset).report();

    SubsetMetrics common = report.subset("common");
    assertThat(common.faces()).isEqualTo(3);
    assertThat(common.nme()).isCloseTo(0.05, within(1e-9));
    assertThat(common.failureRate()).isZero();
    assertThat(common.yawMae()).isCloseTo(1, within(1e-6));
    assertThat(common.pitchMae()).isCloseTo(2, within(1e-6));
    assertThat(common.rollMae()).isCloseTo(3, within(1e-6));
    assertThat(report.subset("challenging").failureRate()).isEqualTo(1.0);
    assertThat(report.overall().faces()).isEqualTo(4);
    assertThat(report.overall().nme()).isCloseTo(0.3 / 4, within(1e-9));
    assertThat(report.overall().failureRate()).isEqualTo(0.25);
    assertThat(report.subset("full")).isSameAs(report.overall());
  }

  @Test
  void shouldWriteAndReadTheReportAsJson() throws Exception {
    Map<String, List<Sample>> bySubset = Map.of("heldout", samples(4, 12));
    EvalReport report = new Evaluator(8).evaluate("model.onnx", shifting, bySubset).report();
    Path json = dir.resolve("out/eval.json");

    report.writeJson(json);

    assertThat(java.nio.file.Files.readString(json)).contains("\"failureRate\"", "\"heldout\"");
    assertThat(EvalReport.readJson(json)).isEqualTo(report);
  }
}
