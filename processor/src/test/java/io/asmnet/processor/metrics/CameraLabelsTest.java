package io.asmnet.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CameraLabelsTest {

  @Test
  void shouldKeepTheFirstCamerasAndGroupTheRest() {
    CameraLabels labels = new CameraLabels(2);

    assertThat(labels.label("a")).isEqualTo("a");
    assertThat(labels.label("b")).isEqualTo("b");
    assertThat(labels.label("c")).isEqualTo(CameraLabels.OTHER);
    assertThat(labels.label("a")).isEqualTo("a");
  }

  @Test
  void shouldNeverAdmitMoreThanTheCapUnderConcurrency() {
    CameraLabels labels = new CameraLabels(50);
    Set<String> seen = ConcurrentHashMap.newKeySet();

    IntStream.range(0, 10_000).parallel().forEach(i -> seen.add(labels.label("cam-" + i % 500)));

    assertThat(seen).hasSize(51).contains(CameraLabels.OTHER);
  }

  @Test
  void shouldGroupIdsLongerThanTheLabelBoundWithoutSpendingAPlace() {
    CameraLabels labels = new CameraLabels(1);
    String longest = "c".repeat(CameraLabels.MAX_LABEL_CHARS);

    assertThat(labels.label("x".repeat(10_000))).isEqualTo(CameraLabels.OTHER);
    assertThat(labels.label("y".repeat(CameraLabels.MAX_LABEL_CHARS + 1)))
        .isEqualTo(CameraLabels.OTHER);
    assertThat(labels.label(longest)).isEqualTo(longest);
  }

  @Test
  void shouldGroupEveryCameraWhenTheCapIsZero() {
    assertThat(new CameraLabels(0).label("a")).isEqualTo(CameraLabels.OTHER);
  }

  @Test
  void shouldRejectANegativeCap() {
    assertThatThrownBy(() -> new CameraLabels(-1)).hasMessageContaining("maxCameras");
  }
}
