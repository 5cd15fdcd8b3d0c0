package io.asmnet.trainer.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.trainer.data.DecodedImage;
import io.asmnet.trainer.data.ImageCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSamplerTest {
  private static final int FRAMES = 10;

  @Test
  void shouldWriteEveryStrideThFrameAsPngAndKeepExistingFiles(@TempDir Path dir) throws Exception {
    Path video = clip(dir.resolve("clip.mkv"));
    Path frames = dir.resolve("frames");

    List<FrameSampler.Sampled> sampled = new FrameSampler().sample(video, 3, frames);

    assertThat(sampled).extracting(FrameSampler.Sampled::frame).containsExactly(0, 3, 6, 9);
    try (var files = Files.list(frames)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("000000.png", "000003.png", "000006.png", "000009.png");
    }
    for (FrameSampler.Sampled s : sampled) {
      // frame i is uniformly grey 20 i (MPEG-4 at this quality keeps flat fields within a few
      // levels)
      DecodedImage png = ImageCache.decode(s.png());
      assertThat(png.bgr()[png.bgr().length / 2] & 0xff)
          .isCloseTo(20 * s.frame(), org.assertj.core.data.Offset.offset(6));
    }
    long modified = Files.getLastModifiedTime(sampled.get(1).png()).toMillis();
    Files.setLastModifiedTime(
        sampled.get(1).png(), java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
    new FrameSampler().sample(video, 3, frames);
    assertThat(Files.getLastModifiedTime(sampled.get(1).png()).toMillis())
        .isEqualTo(modified - 60_000);
  }

  private static Path clip(Path file) throws Exception {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, 0);
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      recorder.setFormat("matroska");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setVideoBitrate(2_000_000);
      recorder.setFrameRate(25);
      recorder.start();
      for (int i = 0; i < FRAMES; i++) {
        double g = 20 * i;
        try (Mat picture =
            new Mat(
                48, 64, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(g, g, g, 0))) {
          recorder.record(converter.convert(picture));
        }
      }
      recorder.stop();
    }
    return file;
  }
}
