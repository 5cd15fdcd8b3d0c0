package io.asmnet.processor.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticClipsTest {

  @Test
  void shouldCutARawClipIntoOneAnnexBUnitPerPictureWithItsKeyframes(@TempDir Path dir)
      throws Exception {
    Path clip = SyntheticClips.movingPattern(dir.resolve("p.h264"), "h264", 160, 120, 12, 4);

    List<ClipUnit> units = SyntheticClips.units(clip);

    assertThat(units).hasSize(12);
    assertThat(units)
        .extracting(ClipUnit::keyframe)
        .containsExactly(
            true, false, false, false, true, false, false, false, true, false, false, false);
    assertThat(units)
        .allSatisfy(
            u -> {
              assertThat(u.data()).startsWith(0, 0, 0, 1);
              assertThat(u.width()).isEqualTo(160);
              assertThat(u.height()).isEqualTo(120);
            });
  }
}
