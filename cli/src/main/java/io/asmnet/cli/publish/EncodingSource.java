package io.asmnet.cli.publish;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A source of decoded pictures, each encoded by a {@link PictureEncoder} (which may return several
 * frames for one picture, or none until later). Subclasses only read pictures. Owns the encoder.
 */
abstract class EncodingSource implements FrameSource {

  /** Where a subclass hands each picture it read. */
  @FunctionalInterface
  interface PictureSink {
    void accept(Mat bgr, long timestampMicros) throws IOException;
  }

  private final PictureEncoder encoder;
  private final Deque<EncodedFrame> pending = new ArrayDeque<>();
  private boolean finished;

  EncodingSource(PictureEncoder encoder) {
    this.encoder = encoder;
  }

  /** Reads one picture into {@code sink}; false at the end of the source. */
  protected abstract boolean read(PictureSink sink) throws IOException;

  /** Releases what the subclass reads from. */
  protected abstract void closeReader() throws IOException;

  @Override
  public final Optional<EncodedFrame> next() throws IOException {
    while (pending.isEmpty()) {
      if (finished) {
        return Optional.empty();
      }
      if (!read((bgr, t) -> pending.addAll(encoder.encode(bgr, t)))) {
        finished = true;
        pending.addAll(encoder.finish());
      }
    }
    return Optional.of(pending.poll());
  }

  @Override
  public final void close() throws IOException {
    try {
      closeReader();
    } finally {
      encoder.close();
    }
  }
}
