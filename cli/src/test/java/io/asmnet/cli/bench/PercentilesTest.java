package io.asmnet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void shouldTakeNearestRankPercentilesOfUnsortedSamples() {
    double[] samples = IntStream.rangeClosed(1, 200).map(i -> 201 - i).asDoubleStream().toArray();

    Percentiles p = Percentiles.of(samples);

    assertThat(p.count()).isEqualTo(200);
    assertThat(p.p50()).isEqualTo(100);
    assertThat(p.p95()).isEqualTo(190);
    assertThat(p.p99()).isEqualTo(198);
    assertThat(p.max()).isEqualTo(200);
    assertThat(p.mean()).isEqualTo(100.5);
  }

  @Test
  void shouldReportNothingForNoSamples() {
    assertThat(Percentiles.of(new double[0]).count()).isZero();
    assertThat(Percentiles.of(new double[0]).p50()).isNaN();
  }
}
