package io.asmnet.processor.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FfmpegErrorsTest {

  @Test
  void shouldEndTheTextAtFfmpegsTerminatingNul() {
    String text = FfmpegErrors.describe(AVERROR_INVALIDDATA);

    assertThat(text)
        .isEqualTo("Invalid data found when processing input (" + AVERROR_INVALIDDATA + ")");
  }

  @Test
  void shouldPutOnlyPrintableTextIntoTheMessageOfARejectedAccessUnit() {
    // A slice NAL unit (type 1) of noise after a start code: FFmpeg parses and rejects it.
    ByteArrayOutputStream unit = new ByteArrayOutputStream();
    unit.writeBytes(new byte[] {0, 0, 0, 1, 0x41});
    new Random(11).ints(3000, 1, 256).forEach(unit::write);

    try (H264Decoder decoder = new H264Decoder(DecodeLimits.DEFAULT_MAX_PIXELS)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> decoder.decode(unit.toByteArray()))
            .isInstanceOf(DecodeException.class)
            .satisfies(
                e -> assertThat(e.getMessage()).doesNotContain("\0").matches("[\\p{Print}]+"));
      }
    }
  }
}
