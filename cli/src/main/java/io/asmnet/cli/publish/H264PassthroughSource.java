package io.asmnet.cli.publish;

import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The access units of an H.264 clip, passed through without re-encoding (Annex-B, SPS/PPS before
 * each keyframe, as {@link H264AccessUnits} reads them). Owns the reader.
 */
public final class H264PassthroughSource implements FrameSource {
  private final H264AccessUnits units;
  private final String description;

  private H264PassthroughSource(H264AccessUnits units, String description) {
    this.units = units;
    this.description = description;
  }

  /**
   * Opens {@code clip}.
   *
   * @throws IOException when it cannot be read or its video is not H.264
   */
  public static H264PassthroughSource open(Path clip) throws IOException {
    return new H264PassthroughSource(H264AccessUnits.open(clip), "H.264 clip " + clip);
  }

  @Override
  public Optional<EncodedFrame> next() throws IOException {
    Optional<AccessUnit> unit = units.next();
    return unit.map(
        u ->
            new EncodedFrame(
                u.data(), Codec.H264, u.width(), u.height(), u.keyframe(), u.timestampMicros()));
  }

  @Override
  public long size() {
    return units.frameCountHint();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() throws IOException {
    units.close();
  }
}
