package io.asmnet.processor.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_DEBUG;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_PANIC;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_TRACE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;

import java.util.Locale;

/**
 * FFmpeg's log levels, most severe first, by FFmpeg's own names ({@code ffmpeg -loglevel}). A level
 * lets through its own messages and every more severe one; {@link #QUIET} none.
 */
public enum FfmpegLogLevel {
  QUIET(AV_LOG_QUIET),
  PANIC(AV_LOG_PANIC),
  FATAL(AV_LOG_FATAL),
  ERROR(AV_LOG_ERROR),
  WARNING(AV_LOG_WARNING),
  INFO(AV_LOG_INFO),
  VERBOSE(AV_LOG_VERBOSE),
  DEBUG(AV_LOG_DEBUG),
  TRACE(AV_LOG_TRACE);

  private final int avLevel;

  FfmpegLogLevel(int avLevel) {
    this.avLevel = avLevel;
  }

  /** FFmpeg's number for this level ({@code AV_LOG_*}). */
  public int avLevel() {
    return avLevel;
  }

  /** The setting's spelling: lower case, as FFmpeg names it. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
