package io.asmnet.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.TestMedia;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.processor.decode.DecodedFrame;
import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourcesTest {

  @Test
  void shouldReadAFolderOfImagesInNameOrderAsJpeg(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 3, 96, 64);
    Files.writeString(dir.resolve("README.txt"), "not an image");

    List<EncodedFrame> frames =
        readAll(FrameSources.open(dir.toString(), SourceOptions.defaults()));

    assertThat(frames)
        .hasSize(3)
        .allSatisfy(
            f -> {
              assertThat(f.codec()).isEqualTo(Codec.JPEG);
              assertThat(f.width()).isEqualTo(96);
              assertThat(f.height()).isEqualTo(64);
              assertThat(f.payload()).startsWith((byte) 0xff, (byte) 0xd8);
            });
    assertThat(frames)
        .extracting(EncodedFrame::timestampMicros)
        .containsExactly(0L, 40_000L, 80_000L);
  }

  @Test
  void shouldEncodePng(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 1, 32, 24);

    List<EncodedFrame> frames =
        readAll(FrameSources.open(dir.toString(), new SourceOptions(Codec.PNG, 90, null, 0)));

    assertThat(frames.get(0).payload()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void shouldDecodeAVideoToJpegs(@TempDir Path dir) throws Exception {
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 12, 6);

    List<EncodedFrame> frames =
        readAll(FrameSources.open(clip.toString(), SourceOptions.defaults()));

    assertThat(frames)
        .hasSize(12)
        .allSatisfy(
            f -> {
              assertThat(f.codec()).isEqualTo(Codec.JPEG);
              assertThat(f.width()).isEqualTo(160);
              assertThat(f.keyframe()).isTrue();
            });
  }

  @Test
  void shouldPassH264AccessUnitsThroughUnchanged(@TempDir Path dir) throws Exception {
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 12, 6);
    List<AccessUnit> expected = H264AccessUnits.readAll(clip);

    List<EncodedFrame> frames =
        readAll(FrameSources.open(clip.toString(), new SourceOptions(Codec.H264, 90, null, 0)));

    assertThat(frames).hasSize(expected.size());
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).payload()).isEqualTo(expected.get(i).data());
      assertThat(frames.get(i).keyframe()).isEqualTo(expected.get(i).keyframe());
      assertThat(frames.get(i).codec()).isEqualTo(Codec.H264);
    }
    assertThat(frames.get(0).keyframe()).isTrue();
  }

  @Test
  void shouldKnowHowManyFramesAnH264ClipHoldsForTheProgressBar(@TempDir Path dir) throws Exception {
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 12, 6);

    try (FrameSource source =
        FrameSources.open(clip.toString(), new SourceOptions(Codec.H264, 90, null, 0))) {
      assertThat(source.size()).isEqualTo(12);
    }
  }

  @Test
  void shouldEncodeAFolderToDecodableH264(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 12, 161, 120); // odd width: the stream is 160 wide

    List<EncodedFrame> frames =
        readAll(FrameSources.open(dir.toString(), new SourceOptions(Codec.H264, 90, null, 25)));

    assertThat(frames).hasSize(12);
    assertThat(frames.get(0).keyframe()).isTrue();
    assertDecodable(frames, 160, 120);
  }

  @Test
  void shouldReencodeAnotherCodecToH264(@TempDir Path dir) throws Exception {
    Path clip = mpeg4Clip(dir.resolve("clip.mkv"), 8);

    List<EncodedFrame> frames =
        readAll(FrameSources.open(clip.toString(), new SourceOptions(Codec.H264, 90, null, 0)));

    assertThat(frames).hasSize(8).allSatisfy(f -> assertThat(f.codec()).isEqualTo(Codec.H264));
    assertDecodable(frames, 128, 96);
  }

  private static void assertDecodable(List<EncodedFrame> frames, int width, int height)
      throws Exception {
    try (CompositeFrameDecoder decoder = new CompositeFrameDecoder(DecodeLimits.defaults())) {
      long sequence = 0;
      for (EncodedFrame f : frames) {
        Frame frame =
            Frame.newBuilder()
                .setCameraId("cam")
                .setSequence(sequence++)
                .setCaptureTimeMs(0)
                .setCodec(f.codec())
                .setWidth(f.width())
                .setHeight(f.height())
                .setKeyframe(f.keyframe())
                .setPayload(ByteBuffer.wrap(f.payload()))
                .build();
        try (DecodedFrame decoded = decoder.decode(frame)) {
          assertThat(decoded.width()).isEqualTo(width);
          assertThat(decoded.height()).isEqualTo(height);
        }
      }
    }
  }

  /** A clip in MPEG-4 part 2 (FFmpeg's own encoder): a codec that is not H.264. */
  private static Path mpeg4Clip(Path file, int frames) throws Exception {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 128, 96, 0);
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      recorder.setFormat("matroska");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(25);
      recorder.start();
      for (int i = 0; i < frames; i++) {
        try (Mat picture = SyntheticClips.pattern(128, 96, i)) {
          recorder.record(converter.convert(picture));
        }
      }
      recorder.stop();
    }
    return file;
  }

  @Test
  void shouldLoopWithGrowingTimestamps(@TempDir Path dir) throws Exception {
    TestMedia.jpegFolder(dir, 2, 32, 24);

    List<EncodedFrame> frames =
        readAll(FrameSources.open(dir.toString(), SourceOptions.defaults(), 3));

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
