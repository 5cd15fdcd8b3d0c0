package io.asmnet.cli.replay;

import io.asmnet.cli.clip.BuiltClip;
import io.asmnet.cli.clip.ClipSpec;
import io.asmnet.cli.publish.EncodedFrame;
import io.asmnet.cli.publish.FrameSource;
import io.asmnet.cli.publish.H264PassthroughSource;
import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pictures of a built clip as a {@link FrameSource}, untouched: H264 gives the MP4's access
 * units (publish's pass-through source), JPEG the clip's JPEG files byte for byte, so what the
 * processor sees is exactly what the ground truth was written for.
 */
final class ClipFrames implements FrameSource {
  private final BuiltClip clip;
  private final ClipSpec spec;
  private long next;

  private ClipFrames(BuiltClip clip, ClipSpec spec) {
    this.clip = clip;
    this.spec = spec;
  }

  /**
   * Opens the clip's pictures in {@code codec}.
   *
   * @throws IOException when the MP4 cannot be read as H.264
   */
  static FrameSource open(BuiltClip clip, ClipSpec spec, Codec codec) throws IOException {
    return codec == Codec.H264
        ? H264PassthroughSource.open(clip.mp4())
        : new ClipFrames(clip, spec);
  }

  @Override
  public Optional<EncodedFrame> next() throws IOException {
    if (next >= clip.frames()) {
      return Optional.empty();
    }
    Path jpeg = clip.jpeg(next);
    if (!Files.isRegularFile(jpeg)) {
      throw new IOException("clip frame " + next + " is missing: " + jpeg);
    }
    long micros = next * 1_000_000L / spec.fps();
    next++;
    return Optional.of(
        new EncodedFrame(
            Files.readAllBytes(jpeg), Codec.JPEG, spec.width(), spec.height(), true, micros));
  }

  @Override
  public long size() {
    return clip.frames();
  }

  @Override
  public String describe() {
    return "JPEG frames " + clip.jpegDir();
  }

  @Override
  public void close() {
    // Reads one file at a time: nothing held open.
  }
}
