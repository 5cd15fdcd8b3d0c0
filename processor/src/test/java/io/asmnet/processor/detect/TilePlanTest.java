package io.asmnet.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TilePlanTest {
  @Test
  void shouldRunOnceOnAFrameWhoseSmallFacesTheWholeFrameRunSees() {
    // 19 input px of a 256 run over 400 px: faces from 30 px.
    List<TilePlan.Region> r = TilePlan.of(400, 300, 256, 32).regions();
    assertThat(r).containsExactly(new TilePlan.Region(0, -50, 400, 0));
  }

  @Test
  void shouldAddHalvingLevelsOfOverlappingTilesUntilTheSmallestFaceIsCovered() {
    List<TilePlan.Region> r = TilePlan.of(1920, 1080, 256, 32).regions();
    // Level 0 whole frame (faces from 142 px), level 1 of 960 (71 px), level 2 of 480 (36 px):
    // 240 px tiles would reach 18 px faces but are smaller than the input, so the plan stops.
    assertThat(r.stream().filter(t -> t.level() == 0)).hasSize(1);
    assertThat(r.stream().filter(t -> t.level() == 1)).hasSize(3 * 2);
    assertThat(r.stream().filter(t -> t.level() == 2)).hasSize(5 * 3);
    for (TilePlan.Region t : r.subList(1, r.size())) {
      double overlapX = t.side() * TilePlan.OVERLAP;
      assertThat(t.x0()).isBetween(0.0, 1920 - t.side());
      // Tiles taller than the frame are centred on it.
      assertThat(t.side() <= 1080 ? t.y0() >= 0 && t.y0() + t.side() <= 1080 : t.y0() < 0).isTrue();
      // Neighbours overlap by at least a quarter, so a face that fits a quarter lies whole in one.
      r.stream()
          .filter(o -> o.level() == t.level() && o.y0() == t.y0() && o.x0() > t.x0())
          .min((a, b) -> Double.compare(a.x0(), b.x0()))
          .ifPresent(
              next ->
                  assertThat(t.x0() + t.side() - next.x0())
                      .isGreaterThanOrEqualTo(overlapX - 1e-9));
    }
  }

  @Test
  void shouldNotTileWhenTheSmallestFaceWantedIsLarge() {
    assertThat(TilePlan.of(1920, 1080, 256, 200).regions()).hasSize(1);
  }
}
