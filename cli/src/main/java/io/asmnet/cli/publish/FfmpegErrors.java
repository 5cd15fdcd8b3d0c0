package io.asmnet.cli.publish;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg's failure as a person reads it. JavaCV's messages carry the C call, the error number and
 * hints for JavaCV programmers ({@code avformat_open_input() error -1094995529: Could not open
 * input "x.mp4", format null. (Has setFormat() been called?)}); a user of {@code publish} needs
 * FFmpeg's own text for the number ("Invalid data found when processing input"). Stateless.
 */
final class FfmpegErrors {
  private static final Pattern CODE = Pattern.compile("error (-\\d+)");
  private static final int MESSAGE_BYTES = 256;

  private FfmpegErrors() {}

  /** FFmpeg's text for the error in {@code e}'s message, or the message without JavaCV's hints. */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Matcher m = CODE.matcher(message);
    if (m.find()) {
      try {
        String text = strerror(Integer.parseInt(m.group(1)));
        if (text != null) {
          return text;
        }
      } catch (NumberFormatException notAnInt) {
        // fall through to the cleaned message
      }
    }
    return message
        .replaceAll("\\s*\\(Has setFormat\\(\\) been called\\?\\)", "")
        .replaceAll("[a-z_]+\\(\\) error -?\\d+: ", "")
        .trim();
  }

  private static String strerror(int code) {
    byte[] buffer = new byte[MESSAGE_BYTES];
    if (avutil.av_strerror(code, buffer, buffer.length) < 0) {
      return null; // FFmpeg knows no text for it
    }
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8);
  }
}
