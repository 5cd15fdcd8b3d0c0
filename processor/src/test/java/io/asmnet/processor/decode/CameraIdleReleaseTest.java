package io.asmnet.processor.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-camera H.264 state is released when a camera goes quiet: many cameras, each seen once, must
 * not add up. Time is a test clock; the release runs as the processor's punctuator would.
 */
class CameraIdleReleaseTest {
  private static final int W = 64;
  private static final int H = 48;

  @TempDir static Path dir;
  static ClipUnit keyframe;

  @BeforeAll
  static void writeClip() throws Exception {
    List<ClipUnit> units =
        SyntheticClips.units(
            SyntheticClips.movingPattern(dir.resolve("tiny.h264"), "h264", W, H, 2, 1));
    keyframe = units.get(0);
  }

  @Test
  void shouldFreeIdleCamerasSoTenThousandCameraIdsKeepNativeMemoryFlat() throws Exception {
    AtomicLong now = new AtomicLong();
    Duration idle = Duration.ofSeconds(60);
    int cameras = 10_000;
    int maxActive = 0;
    long physicalAfterWarmUp = 0;
    try (CompositeFrameDecoder decoder =
        new CompositeFrameDecoder(DecodeLimits.defaults(), idle, now::get)) {
      for (int i = 0; i < cameras; i++) {
        decoder.decode(H264DecodingTest.frame("cam-" + i, 0, keyframe.data(), true, W, H)).close();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)); // a new camera every 100 ms
        if (i % 10 == 0) {
          decoder.releaseIdle(); // the punctuator, every second of test time
        }
        maxActive = Math.max(maxActive, decoder.activeCameras());
        if (i == 2_000) {
          physicalAfterWarmUp = Pointer.physicalBytes();
        }
      }
      long growth = Pointer.physicalBytes() - physicalAfterWarmUp;

      // 60 s idle at one new camera per 100 ms: about 600 cameras hold a decoder at any time.
      assertThat(maxActive).isBetween(600, 611);
      // 8,000 more decoders kept would be gigabytes; released, the process stays flat (GC and
      // allocator noise aside).
      assertThat(growth).isLessThan(256L * 1024 * 1024);
      System.out.printf(
          "10,000 cameras: at most %d decoders held; resident growth after warm-up %.1f MiB%n",
          maxActive, growth / 1048576.0);
    }
  }

  @Test
  void shouldKeepACameraThatIsStillSendingAndMakeAReleasedOneWaitForAKeyframe() throws Exception {
    AtomicLong now = new AtomicLong();
    try (CompositeFrameDecoder decoder =
        new CompositeFrameDecoder(DecodeLimits.defaults(), Duration.ofSeconds(10), now::get)) {
      decoder.decode(H264DecodingTest.frame("busy", 0, keyframe.data(), true, W, H)).close();
      decoder.decode(H264DecodingTest.frame("quiet", 0, keyframe.data(), true, W, H)).close();
      now.addAndGet(TimeUnit.SECONDS.toNanos(8));
      decoder.decode(H264DecodingTest.frame("busy", 1, keyframe.data(), true, W, H)).close();
      now.addAndGet(TimeUnit.SECONDS.toNanos(3));

      assertThat(decoder.releaseIdle()).isEqualTo(1);

      assertThat(decoder.activeCameras()).isEqualTo(1);
      assertThatThrownBy(
              () ->
                  decoder.decode(H264DecodingTest.frame("quiet", 1, keyframe.data(), false, W, H)))
          .hasMessageContaining("waiting for a keyframe");
    }
  }
}
