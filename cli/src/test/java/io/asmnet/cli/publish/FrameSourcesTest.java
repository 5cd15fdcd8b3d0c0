package io.asmnet.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.TestMedia;
import io.asmnet.processor.decode.AccessUnit;
import io.asmnet.processor.decode.H264AccessUnits;
import io.asmnet.schemas.avro.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourcesTest {

  @Test
  void shouldReadAFolderOfImagesInNameOrderAsJpeg(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 3, 96, 64);
    Files.writeString(dir.resolve("README.txt"), "not an image");

    List<EncodedFrame> frames = readAll(FrameSources.open(dir.toString(), SourceOptions.defaults()));

    assertThat(frames).hasSize(3).allSatisfy(f -> {
      assertThat(f.codec()).isEqualTo(Codec.JPEG);
      assertThat(f.width()).isEqualTo(96);
      assertThat(f.height()).isEqualTo(64);
      assertThat(f.payload()).startsWith((byte) 0xff, (byte) 0xd8);
    });
    assertThat(frames).extracting(EncodedFrame::timestampMicros).containsExactly(0L, 40_000L, 80_000L);
  }

  @Test
  void shouldEncodePng(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 1, 32, 24);

    List<EncodedFrame> frames = readAll(FrameSources.open(dir.toString(), new SourceOptions(Codec.PNG, 90, null, 0)));

    assertThat(frames.get(0).payload()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void shouldDecodeAVideoToJpegs(@TempDir Path dir) throws Exception {
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 12, 6);

    List<EncodedFrame> frames = readAll(FrameSources.open(clip.toString(), SourceOptions.defaults()));

    assertThat(frames).hasSize(12).allSatisfy(f -> {
      assertThat(f.codec()).isEqualTo(Codec.JPEG);
      assertThat(f.width()).isEqualTo(160);
      assertThat(f.keyframe()).isTrue();
    });
  }

  @Test
  void shouldPassH264AccessUnitsThroughUnchanged(@TempDir Path dir) throws Exception {
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 12, 6);
    List<AccessUnit> expected = H264AccessUnits.readAll(clip);

    List<EncodedFrame> frames = readAll(FrameSources.open(clip.toString(), new SourceOptions(Codec.H264, 90, null, 0)));

    assertThat(frames).hasSize(expected.size());
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).payload()).isEqualTo(expected.get(i).data());
      assertThat(frames.get(i).keyframe()).isEqualTo(expected.get(i).keyframe());
      assertThat(frames.get(i).codec()).isEqualTo(Codec.H264);
    }
    assertThat(frames.get(0).keyframe()).isTrue();
  }

  @Test
  void shouldLoopWithGrowingTimestamps(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 2, 32, 24);

    List<EncodedFrame> frames = readAll(FrameSources.open(dir.toString(), SourceOptions.defaults(), 3));

    assertThat(frames).hasSize(6);
    assertThat(frames).extracting(EncodedFrame::timestampMicros).isSorted().doesNotHaveDuplicates();
  }

  private static List<EncodedFrame> readAll(FrameSource source) throws Exception {
    List<EncodedFrame> frames = new ArrayList<>();
    try (source) {
      for (Optional<EncodedFrame> f = source.next(); f.isPresent(); f = source.next()) {
        frames.add(f.get());
      }
    }
    return frames;
  }
}
