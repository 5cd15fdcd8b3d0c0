package io.asmnet.processor.emit;

/**
 * Stage times of one frame measured by the processor itself, microseconds.
 *
 * @param decodeMicros decoding the payload to pixels
 * @param totalMicros from the record's arrival in the processor to the event's creation
 */
public record FrameTimings(long decodeMicros, long totalMicros) {
  public FrameTimings {
    if (decodeMicros < 0 || totalMicros < 0) {
      throw new IllegalArgumentException("timings must be >= 0");
    }
  }
}
