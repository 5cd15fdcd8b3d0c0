package io.asmnet.cli.replay;

import static io.asmnet.cli.replay.Fixtures.event;
import static io.asmnet.cli.replay.Fixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.asmnet.cli.clip.GroundTruth;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.PoseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayScorerTest {
  private final ReplayScorer scorer = new ReplayScorer();

  @Test
  void shouldGiveRecallOneNmeZeroAndNoRollErrorForPerfectEvents() {
    GroundTruth truth = truth(5);
    List<PoseEvent> events = new ArrayList<>();
    for (long k = 0; k < 5; k++) {
      events.add(event(truth, k, 0, 0, 1000 + k, 1100 + k));
    }

    ReplayReport report = scorer.score(new ReplayInput(truth, events, 0, Map.of()));

    assertThat(report.frames().framesOut()).isEqualTo(5);
    assertThat(report.frames().missingFrames()).isZero();
    assertThat(report.accuracy().recall()).isEqualTo(1.0);
    assertThat(report.accuracy().nmeMean()).isCloseTo(0, within(1e-9));
    assertThat(report.accuracy().failureRate()).isZero();
    assertThat(report.accuracy().rollMaeDeg()).isCloseTo(0, within(1e-5));
    assertThat(report.accuracy().yawMaeDeg()).isCloseTo(0, within(1e-5));
    assertThat(report.accuracy().extraFaces()).isZero();
  }

  @Test
  void shouldReportShiftOverInterocularDistanceAsNme() {
    GroundTruth truth = truth(4);
    List<PoseEvent> events = new ArrayList<>();
    for (long k = 0; k < 4; k++) {
      events.add(event(truth, k, 3, 4, 0, 10)); // every point 5 px off
    }

    ReplayReport report = scorer.score(new ReplayInput(truth, events, 0, Map.of()));

    double expected = 5 / Fixtures.INTEROCULAR;
    assertThat(report.accuracy().nmeMean()).isCloseTo(expected, within(1e-6));
    assertThat(report.accuracy().nmeMedian()).isCloseTo(expected, within(1e-6));
    assertThat(report.accuracy().failureRate()).isZero(); // 0.083 < 0.1
    assertThat(report.series())
        .extracting(FrameStat::meanNme)
        .allSatisfy(v -> assertThat(v).isCloseTo(expected, within(1e-6)));
  }

  @Test
  void shouldCountMissingDuplicateAndUnexpectedFramesAndDeadLetters() {
    GroundTruth truth = truth(6);
    List<PoseEvent> events =
        List.of(
            event(truth, 0, 0, 0, 0, 10),
            event(truth, 0, 9, 9, 0, 20),
            event(truth, 2, 0, 0, 0, 30),
            event(truth, 5, 0, 0, 0, 40),
            event(99, List.of(), 0, 50));

    ReplayReport report = scorer.score(new ReplayInput(truth, events, 2, Map.of()));

    assertThat(report.frames()).isEqualTo(new FrameCounts(6, 3, 3, 2, 1, 1));
    assertThat(report.accuracy().trueFaces()).isEqualTo(3); // only frames that came out
    assertThat(report.accuracy().nmeMean()).isCloseTo(0, within(1e-9)); // first event kept
    assertThat(report.series())
        .extracting(FrameStat::delivered)
        .containsExactly(true, false, true, false, false, true);
  }

  @Test
  void shouldCountAFarAwayFaceAsExtraAndTheTrueFaceAsMissed() {
    GroundTruth truth = truth(1);
    PoseEvent far = event(0, List.of(Fixtures.face(Fixtures.shape(300, 200), 0, 0, 0)), 0, 5);

    ReplayReport report = scorer.score(new ReplayInput(truth, List.of(far), 0, Map.of()));

    assertThat(report.accuracy().recall()).isZero();
    assertThat(report.accuracy().extraFaces()).isEqualTo(1);
    assertThat(report.accuracy().nmeMean()).isNull();
  }

  @Test
  void shouldMatchByBoxOverlapEvenWhenThePointsAreBad() {
    GroundTruth truth = truth(1);
    float[] scrambled = Fixtures.shape(0, 0);
    for (int i = 0; i < 68; i++) { // same box, points mirrored left-right: NME large
      scrambled[2 * i] = 100 + 80 - (scrambled[2 * i] - 100);
    }
    PoseEvent bad = event(0, List.of(Fixtures.face(scrambled, 5, -3, 10)), 0, 5);

    ReplayReport report = scorer.score(new ReplayInput(truth, List.of(bad), 0, Map.of()));

    assertThat(report.accuracy().foundFaces()).isEqualTo(1);
    assertThat(report.accuracy().nmeMean()).isGreaterThan(0.1);
    assertThat(report.accuracy().failureRate()).isEqualTo(1.0);
  }

  @Test
  void shouldCountAFaceWithNonFinitePointsAsExtraInsteadOfPoisoningTheMeans() {
    GroundTruth truth = truth(1);
    Face broken = Fixtures.face(Fixtures.shape(0, 0), 5, -3, 10);
    broken.getLandmarks().get(5).setX(Float.NaN); // box still right, one point broken
    PoseEvent event = event(0, List.of(broken), 0, 5);

    ReplayReport report = scorer.score(new ReplayInput(truth, List.of(event), 0, Map.of()));

    assertThat(report.accuracy().foundFaces()).isZero();
    assertThat(report.accuracy().extraFaces()).isEqualTo(1);
    assertThat(report.accuracy().nmeMean()).isNull();
  }

  @Test
  void shouldWrapRollErrorsAcross180Degrees() {
    GroundTruth truth = truth(1); // true roll 10
    PoseEvent event = event(0, List.of(Fixtures.face(Fixtures.shape(0, 0), 5, -3, -349)), 0, 5);

    ReplayReport report = scorer.score(new ReplayInput(truth, List.of(event), 0, Map.of()));

    assertThat(report.accuracy().rollMaeDeg()).isCloseTo(1, within(1e-4));
  }

  @Test
  void shouldMeasureLatencyFromPublishTimesAndThroughputOverTheRun() {
    GroundTruth truth = truth(10);
    List<PoseEvent> events = new ArrayList<>();
    Map<Long, Long> published = new HashMap<>();
    for (long k = 0; k < 10; k++) {
      published.put(k, 10_000 + 100 * k);
      // latency 10, 20, ..., 100 ms; capture time deliberately far off to prove it is unused
      events.add(event(truth, k, 0, 0, 0, 10_000 + 100 * k + 10 * (k + 1)));
    }

    ReplayReport report = scorer.score(new ReplayInput(truth, events, 0, published));

    assertThat(report.speed().latencyFrom()).isEqualTo("publish");
    assertThat(report.speed().p50Ms()).isEqualTo(50.0);
    assertThat(report.speed().p95Ms()).isEqualTo(100.0);
    assertThat(report.speed().p99Ms()).isEqualTo(100.0);
    assertThat(report.speed().durationS()).isCloseTo(1.0, within(1e-9)); // 10,000 -> 11,000
    assertThat(report.speed().throughputFps()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void shouldFallBackToCaptureTimeWithoutPublishTimes() {
    GroundTruth truth = truth(2);
    List<PoseEvent> events =
        List.of(event(truth, 0, 0, 0, 500, 530), event(truth, 1, 0, 0, 533, 573));

    ReplayReport report = scorer.score(new ReplayInput(truth, events, 0, Map.of()));

    assertThat(report.speed().latencyFrom()).isEqualTo("capture");
    assertThat(report.series()).extracting(FrameStat::latencyMs).containsExactly(30.0, 40.0);
  }

  @Test
  void shouldReportNothingMeasuredWhenNoEventCame() {
    ReplayReport report = scorer.score(new ReplayInput(truth(3), List.of(), 3, Map.of()));

    assertThat(report.frames().missingFrames()).isEqualTo(3);
    assertThat(report.accuracy().recall()).isNull();
    assertThat(report.speed().p50Ms()).isNull();
    assertThat(report.table()).contains("missing frames").contains("-");
  }
}
