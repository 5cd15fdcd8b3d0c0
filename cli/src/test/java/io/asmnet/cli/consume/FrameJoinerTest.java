package io.asmnet.cli.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.cli.TestMedia;
import io.asmnet.cli.publish.EncodedFrame;
import io.asmnet.cli.publish.FrameSource;
import io.asmnet.cli.publish.FrameSources;
import io.asmnet.cli.publish.SourceOptions;
import io.asmnet.processor.decode.CompositeFrameDecoder;
import io.asmnet.processor.decode.DecodeLimits;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameJoinerTest {

  /** A sink that remembers what it was given (sequence and size), instead of writing files. */
  static final class RecordingSink implements RenderSink {
    final List<Long> sequences = new ArrayList<>();
    final List<Integer> widths = new ArrayList<>();

    @Override
    public void write(String cameraId, long sequence, Mat bgr) {
      sequences.add(sequence);
      widths.add(bgr.cols());
    }

    @Override
    public long written() {
      return sequences.size();
    }

    @Override
    public void close() {}
  }

  @Test
  void shouldRenderOnlyFramesThatHaveEvents(@TempDir Path dir) throws Exception {
    List<Frame> frames = frames(TestMedia.jpegFolder(dir, 5, 80, 60), Codec.JPEG);
    RecordingSink sink = new RecordingSink();
    try (FrameJoiner joiner =
        new FrameJoiner(new CompositeFrameDecoder(DecodeLimits.defaults()), sink, 10)) {
      for (Frame f : frames) {
        joiner.onFrame(f);
      }
      joiner.onEvent(TestMedia.event("cam", 1, 10, 10, 40, 0, 0, 0));
      joiner.onEvent(TestMedia.event("cam", 3, 10, 10, 40, 0, 0, 0));

      assertThat(sink.sequences).containsExactly(1L, 3L);
      assertThat(sink.widths).containsOnly(80);
      assertThat(joiner.failed()).isZero();
    }
  }

  @Test
  void shouldWaitForAFrameWhenItsEventComesFirst(@TempDir Path dir) throws Exception {
    List<Frame> frames = frames(TestMedia.jpegFolder(dir, 2, 80, 60), Codec.JPEG);
    RecordingSink sink = new RecordingSink();
    try (FrameJoiner joiner =
        new FrameJoiner(new CompositeFrameDecoder(DecodeLimits.defaults()), sink, 10)) {
      joiner.onEvent(TestMedia.event("cam", 1, 10, 10, 40, 0, 0, 0));
      joiner.onFrame(frames.get(0));
      assertThat(sink.sequences).isEmpty();

      joiner.onFrame(frames.get(1));

      assertThat(sink.sequences).containsExactly(1L);
    }
  }

  @Test
  void shouldDecodeSkippedH264FramesSoLaterOnesStayDecodable(@TempDir Path dir) throws Exception {
    Path clip = TestMedia.h264Clip(dir.resolve("clip.mp4"), 160, 120, 12, 12); // one keyframe
    List<Frame> frames = frames(clip, Codec.H264);
    RecordingSink sink = new RecordingSink();
    try (FrameJoiner joiner =
        new FrameJoiner(new CompositeFrameDecoder(DecodeLimits.defaults()), sink, 20)) {
      for (Frame f : frames) {
        joiner.onFrame(f);
      }
      for (long seq = 1; seq < frames.size(); seq += 3) {
        joiner.onEvent(TestMedia.event("cam", seq, 10, 10, 40, 0, 0, 0));
      }

      assertThat(sink.sequences).containsExactly(1L, 4L, 7L, 10L);
      assertThat(joiner.failed()).isZero();
    }
  }

  @Test
  void shouldDropTheOldestFramesBeyondTheBound(@TempDir Path dir) throws Exception {
    List<Frame> frames = frames(TestMedia.jpegFolder(dir, 5, 40, 30), Codec.JPEG);
    RecordingSink sink = new RecordingSink();
    try (FrameJoiner joiner =
        new FrameJoiner(new CompositeFrameDecoder(DecodeLimits.defaults()), sink, 2)) {
      for (Frame f : frames) {
        joiner.onFrame(f);
      }
      joiner.onEvent(TestMedia.event("cam", 4, 10, 10, 20, 0, 0, 0));

      assertThat(joiner.dropped()).isEqualTo(3);
      assertThat(sink.sequences).containsExactly(4L);
    }
  }

  private static List<Frame> frames(Path source, Codec codec) throws Exception {
    List<Frame> frames = new ArrayList<>();
    try (FrameSource s =
        FrameSources.open(source.toString(), new SourceOptions(codec, 90, null, 0))) {
      for (Optional<EncodedFrame> f = s.next(); f.isPresent(); f = s.next()) {
        EncodedFrame e = f.get();
        frames.add(
            Frame.newBuilder()
                .setCameraId("cam")
                .setSequence(frames.size())
                .setCaptureTimeMs(0)
                .setCodec(e.codec())
                .setWidth(e.width())
                .setHeight(e.height())
                .setKeyframe(e.keyframe())
                .setPayload(ByteBuffer.wrap(e.payload()))
                .build());
      }
    }
    return frames;
  }
}
