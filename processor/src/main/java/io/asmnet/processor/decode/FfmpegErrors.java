package io.asmnet.processor.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_ERROR_MAX_STRING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_error_string;

import org.bytedeco.javacpp.BytePointer;

/** FFmpeg error codes as text for dead-letter messages and exceptions. */
final class FfmpegErrors {
  private FfmpegErrors() {}

  /**
   * FFmpeg's description of {@code code} followed by the code, e.g. {@code "Invalid data found when
   * processing input (-1094995529)"}. The text ends at FFmpeg's terminating NUL: the rest of the
   * native buffer is not part of it (reading the whole buffer put NULs and stale native memory into
   * dead letters).
   */
  static String describe(int code) {
    try (BytePointer buffer = new BytePointer(AV_ERROR_MAX_STRING_SIZE)) {
      av_make_error_string(buffer, AV_ERROR_MAX_STRING_SIZE, code);
      byte[] bytes = new byte[AV_ERROR_MAX_STRING_SIZE];
      buffer.get(bytes);
      int end = 0;
      while (end < bytes.length && bytes[end] != 0) {
        end++;
      }
      return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
    }
  }
}
