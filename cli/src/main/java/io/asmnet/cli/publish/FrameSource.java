package io.asmnet.cli.publish;

import java.io.IOException;
import java.util.Optional;

/**
 * Pictures from somewhere (a video file, a folder of images, a camera), already encoded, in order.
 * Owns whatever native reader it uses: close it. Not thread-safe.
 */
public interface FrameSource extends AutoCloseable {

  /**
   * The next picture, or empty at the end (a live source blocks until a picture arrives).
   *
   * @throws IOException when the source cannot be read or a picture cannot be encoded
   */
  Optional<EncodedFrame> next() throws IOException;

  /** How many pictures the source holds, or -1 when unknown (live sources, some containers). */
  default long size() {
    return -1;
  }

  /** What this source reads, for messages ("video clip.mp4", "folder faces/ (12 images)"). */
  String describe();

  @Override
  void close() throws IOException;
}
