package io.asmnet.processor.decode;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** FFmpeg's log is process-wide: each test sets the level it needs and restores the default. */
class FfmpegLogTest {
  private final Logger ffmpeg = (Logger) LoggerFactory.getLogger(FfmpegLog.LOGGER_NAME);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level before;

  @BeforeEach
  void attach() {
    before = ffmpeg.getLevel();
    ffmpeg.setLevel(Level.TRACE);
    lines.start();
    ffmpeg.addAppender(lines);
  }

  @AfterEach
  void detach() {
    ffmpeg.detachAppender(lines);
    ffmpeg.setLevel(before);
    FfmpegLog.route(FfmpegLogLevel.ERROR);
  }

  @Test
  void shouldSendTheDecodersMessagesThroughSlf4j() {
    FfmpegLog.route(FfmpegLogLevel.WARNING);

    decodeNoise();

    assertThat(lines.list).isNotEmpty();
    assertThat(lines.list)
        .allSatisfy(
            e -> {
              assertThat(e.getLoggerName()).isEqualTo("ffmpeg");
              assertThat(e.getFormattedMessage()).isNotBlank().doesNotEndWith("\n");
              // FFmpeg error and warning lines only: error -> WARN, warning -> INFO.
              assertThat(e.getLevel()).isIn(Level.WARN, Level.INFO);
            });
    assertThat(lines.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("h264"));
  }

  @Test
  void shouldPassOnlyMessagesAsSevereAsTheLevel() {
    FfmpegLog.route(FfmpegLogLevel.ERROR);
    decodeNoise();
    List<ILoggingEvent> atError = List.copyOf(lines.list);
    lines.list.clear();

    FfmpegLog.route(FfmpegLogLevel.QUIET);
    decodeNoise();

    assertThat(atError)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
    assertThat(lines.list).isEmpty();
  }

  /** Slice NAL units of noise, which the H.264 decoder rejects with log lines of its own. */
  private static void decodeNoise() {
    Random random = new Random(3);
    try (H264Decoder decoder = new H264Decoder(DecodeLimits.DEFAULT_MAX_PIXELS)) {
      for (int i = 0; i < 5; i++) {
        ByteArrayOutputStream unit = new ByteArrayOutputStream();
        unit.writeBytes(new byte[] {0, 0, 0, 1, 0x41});
        random.ints(2000, 1, 256).forEach(unit::write);
        try {
          decoder.decode(unit.toByteArray());
        } catch (DecodeException expected) {
          // the dead-letter path; here only the log lines matter
        }
      }
    }
  }
}
