package io.asmnet.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher's reader of H.264 clips: Annex-B access units, from MP4 and raw files, that the
 * processor decodes.
 */
class H264AccessUnitsTest {
  private static final int FRAMES = 30;
  private static final int GOP = 10;

  @TempDir Path dir;

  @Test
  void shouldSplitAnMp4ClipIntoAnnexBAccessUnitsWithKeyframes() throws Exception {
    Path clip = SyntheticClips.movingPattern(dir.resolve("pattern.mp4"), 640, 480, FRAMES, GOP);

    List<AccessUnit> units = H264AccessUnits.readAll(clip);

    assertThat(units).hasSize(FRAMES);
    assertThat(units.get(0).keyframe()).isTrue();
    assertThat(units).filteredOn(AccessUnit::keyframe).hasSize(FRAMES / GOP);
    for (AccessUnit unit : units) {
      assertThat(unit.data()).startsWith(0, 0, 0, 1); // a start code, not an AVCC length
      assertThat(unit.width()).isEqualTo(640);
      assertThat(unit.height()).isEqualTo(480);
    }
    assertThat(units.get(1).timestampMicros() - units.get(0).timestampMicros())
        .isEqualTo(40_000); // 25 fps
    assertDecodable(units, 640);
  }

  @Test
  void shouldReadRawAnnexBClipsToo() throws Exception {
    Path raw = SyntheticClips.movingPattern(dir.resolve("pattern.h264"), "h264", 320, 240, 12, 6);

    List<AccessUnit> units = H264AccessUnits.readAll(raw);

    assertThat(units).hasSize(12);
    assertThat(units).filteredOn(AccessUnit::keyframe).hasSize(2);
    assertDecodable(units, 320);
  }

  /**
   * Every unit, in order, decodes to one picture of the clip's width in the processor's decoder.
   */
  private static void assertDecodable(List<AccessUnit> units, int width) throws Exception {
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      for (int i = 0; i < units.size(); i++) {
        AccessUnit unit = units.get(i);
        Frame frame =
            Frame.newBuilder()
                .setCameraId("cam")
                .setSequence(i)
                .setCaptureTimeMs(1_000L + i * 40)
                .setCodec(Codec.H264)
                .setWidth(unit.width())
                .setHeight(unit.height())
                .setKeyframe(unit.keyframe())
                .setPayload(ByteBuffer.wrap(unit.data()))
                .build();
        try (DecodedFrame decoded = decoder.decode(frame)) {
          assertThat(decoded.width()).isEqualTo(width);
        }
      }
    }
  }
}
