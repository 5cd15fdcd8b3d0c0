package io.asmnet.cli.publish;

import java.io.IOException;
import java.util.Optional;

/**
 * Plays a source several times (or forever) by reopening it at its end. Timestamps keep growing
 * across plays (each play is offset by the previous plays' length), so they stay monotonic.
 */
public final class LoopingSource implements FrameSource {

  /** Opens a fresh copy of the source for each play. */
  @FunctionalInterface
  public interface Opener {
    FrameSource open() throws IOException;
  }

  private final Opener opener;
  private final long plays;
  private FrameSource current;
  private long played = 1;
  private long offsetMicros;
  private long lastMicros;

  /**
   * @param first the first play, already open
   * @param plays how many plays in total, at least 1; {@code Long.MAX_VALUE} for forever
   */
  public LoopingSource(FrameSource first, Opener opener, long plays) {
    if (plays < 1) {
      throw new IllegalArgumentException("plays must be at least 1: " + plays);
    }
    this.current = first;
    this.opener = opener;
    this.plays = plays;
  }

  @Override
  public Optional<EncodedFrame> next() throws IOException {
    Optional<EncodedFrame> frame = current.next();
    while (frame.isEmpty() && played < plays) {
      current.close();
      current = opener.open();
      played++;
      offsetMicros = lastMicros + 1;
      frame = current.next();
      if (frame.isEmpty()) {
        throw new IOException(current.describe() + " gave no pictures when played again");
      }
    }
    return frame.map(this::shift);
  }

  private EncodedFrame shift(EncodedFrame f) {
    if (f.timestampMicros() < 0) {
      return f;
    }
    long t = offsetMicros + f.timestampMicros();
    lastMicros = Math.max(lastMicros, t);
    return new EncodedFrame(f.payload(), f.codec(), f.width(), f.height(), f.keyframe(), t);
  }

  @Override
  public long size() {
    long one = current.size();
    return one < 0 || plays == Long.MAX_VALUE ? -1 : one * plays;
  }

  @Override
  public String describe() {
    return current.describe()
        + (plays == Long.MAX_VALUE
            ? ", looped forever"
            : plays > 1 ? ", played " + plays + " times" : "");
  }

  @Override
  public void close() throws IOException {
    current.close();
  }
}
