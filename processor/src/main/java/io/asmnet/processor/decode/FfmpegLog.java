package io.asmnet.processor.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's log lines to the SLF4J logger {@value #LOGGER_NAME} instead of the process's
 * stderr, where they bypassed the log configuration (3 of 4 lines in a flood of bad H.264 input).
 * FFmpeg's log is process-wide, so this is set once per process, by whoever owns the process (the
 * processor app at start). Levels: panic and fatal to ERROR; error to WARN (FFmpeg reports each
 * undecodable access unit as an error; for the processor that is one bad record, already a dead
 * letter and a counter); warning to INFO; info to DEBUG; verbose, debug and trace to TRACE.
 */
public final class FfmpegLog extends LogCallback {
  /** Name of the SLF4J logger that receives FFmpeg's messages. */
  public static final String LOGGER_NAME = "ffmpeg";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  // FFmpeg keeps only a native pointer to the callback: the Java object must stay reachable for as
  // long as FFmpeg may call it (the process), hence one immutable instance for the class's life.
  private static final FfmpegLog CALLBACK = new FfmpegLog().retainReference();

  private FfmpegLog() {
    super(); // allocates the native thunk FFmpeg calls
  }

  /**
   * Routes FFmpeg's messages of {@code level} and more severe through SLF4J from now on; idempotent
   * (a later call changes the level).
   */
  public static void route(FfmpegLogLevel level) {
    av_log_set_level(level.avLevel());
    setLogCallback(CALLBACK);
  }

  @Override
  public void call(int level, BytePointer message) {
    // FFmpeg hands every message to a custom callback: its level filter is ours to apply.
    if (level > av_log_get_level() || message == null || message.isNull()) {
      return;
    }
    String line = message.getString().stripTrailing();
    if (line.isEmpty()) {
      return;
    }
    if (level <= AV_LOG_FATAL) {
      LOG.error(line);
    } else if (level <= AV_LOG_ERROR) {
      LOG.warn(line);
    } else if (level <= AV_LOG_WARNING) {
      LOG.info(line);
    } else if (level <= AV_LOG_INFO) {
      LOG.debug(line);
    } else {
      LOG.trace(line);
    }
  }
}
