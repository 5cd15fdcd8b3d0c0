package io.asmnet.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.Progress;
import io.asmnet.cli.TestMedia;
import io.asmnet.schemas.avro.PoseEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

  @Test
  void shouldStepPerEventUpToTheClipsFramesAndPassEveryEventOn() {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    List<Long> heard = new ArrayList<>();
    ReplayProgress progress =
        new ReplayProgress(
            Progress.bar("replay", 10, new PrintStream(drawn, true, StandardCharsets.UTF_8)),
            (event, publishedMs) -> heard.add(event.getSequence()));

    for (long s = 0; s < 3; s++) {
      PoseEvent event = TestMedia.event("replay", s, 50, 50, 40, 0, 0, 0);
      progress.onEvent(event, 1L);
    }
    long current = progress.current();
    progress.close();

    assertThat(current).isEqualTo(3);
    assertThat(heard).containsExactly(0L, 1L, 2L);
    String text = drawn.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("replay", "3/10", "/s"); // a total and a rate
  }
}
