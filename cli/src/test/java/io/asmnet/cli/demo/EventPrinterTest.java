package io.asmnet.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.TestMedia;
import io.asmnet.schemas.avro.PoseEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPrinterTest {
  private final StringWriter text = new StringWriter();

  @Test
  void shouldPrintOneCompactLineWithTheFirstFacesPoseAndLatencyFromPublishing() {
    PoseEvent event = TestMedia.event("cam-1", 12, 10, 10, 50, 3.14f, -2f, 0.44f);

    new EventPrinter(new PrintWriter(text, true), EventPrinter.Style.COMPACT)
        .onEvent(event, event.getProcessedTimeMs() - 85);

    assertThat(text.toString().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("cam-1  #12")
                    .contains(
                        "faces 1",
                        "yaw   +3.1",
                        "pitch   -2.0",
                        "roll   +0.4",
                        "latency    85 ms"));
  }

  @Test
  void shouldMeasureFromCaptureTimeWhenThePublishTimeIsUnknownAndShowNoPoseWithoutFaces() {
    PoseEvent event = TestMedia.event("cam-1", 3, 10, 10, 50, 0, 0, 0);
    event.setFaces(List.of());

    String line = EventPrinter.compact(event, null);

    assertThat(line).contains("faces 0", "latency    40 ms").doesNotContain("yaw");
  }

  @Test
  void shouldPrintFullJsonLinesOrNothing() {
    PoseEvent event = TestMedia.event("cam-1", 5, 10, 10, 50, 1, 2, 3);

    new EventPrinter(new PrintWriter(text, true), EventPrinter.Style.JSON).onEvent(event, null);
    new EventPrinter(new PrintWriter(text, true), EventPrinter.Style.NONE).onEvent(event, null);

    assertThat(text.toString().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"cameraId\"", "\"landmarks\"", "\"sequence\""));
  }
}
