package io.asmnet.cli.publish;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.asmnet.cli.CommandFailure;
import io.asmnet.schemas.avro.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the right {@link FrameSource} for what the user named: a URL ({@code rtsp://}, {@code
 * http://}, ...) or a {@code /dev/video*} device is live; a folder is a folder of images; any other
 * file is a video (or a single image) read by FFmpeg. With codec H264 an H.264 file's packets pass
 * through unchanged; anything else is decoded and re-encoded with libopenh264.
 *
 * <p>Problems the user can fix fail as {@link CommandFailure}: a missing or unreadable file and a
 * format FFmpeg does not know exit with code 2, a camera or stream that cannot be opened with 1.
 */
public final class FrameSources {
  private static final Logger LOG = LoggerFactory.getLogger(FrameSources.class);
  private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  private static final long DEFAULT_STILL_INTERVAL_MICROS = 40_000; // 25 fps

  private FrameSources() {}

  /** Opens {@code source} once. */
  public static FrameSource open(String source, SourceOptions options) {
    av_log_set_level(AV_LOG_ERROR); // FFmpeg's own warnings would drown the command's output
    if (URL.matcher(source).matches() || source.startsWith("/dev/video")) {
      return openLive(source, options);
    }
    Path path = Path.of(source);
    if (!Files.exists(path)) {
      throw CommandFailure.usage("no such file or folder: " + source);
    }
    if (!Files.isReadable(path)) {
      throw CommandFailure.usage("cannot read " + source + ": permission denied");
    }
    try {
      if (Files.isDirectory(path)) {
        long interval =
            options.fps() > 0
                ? Math.round(1_000_000 / options.fps())
                : DEFAULT_STILL_INTERVAL_MICROS;
        return ImageFolderSource.open(path, PictureEncoder.of(options, 0), interval);
      }
      if (options.codec() == Codec.H264) {
        return openH264(path, options);
      }
      return openFile(path, options);
    } catch (IOException e) {
      throw CommandFailure.usage(e.getMessage());
    }
  }

  /**
   * Opens {@code source} for {@code plays} plays ({@code Long.MAX_VALUE}: forever). Live sources
   * are never reopened.
   */
  public static FrameSource open(String source, SourceOptions options, long plays) {
    FrameSource first = open(source, options);
    if (plays == 1 || URL.matcher(source).matches() || source.startsWith("/dev/video")) {
      return first;
    }
    return new LoopingSource(first, () -> open(source, options), plays);
  }

  private static FrameSource openFile(Path file, SourceOptions options) throws IOException {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
    try {
      grabber.start();
    } catch (FFmpegFrameGrabber.Exception e) {
      grabber.close();
      throw new IOException(
          "unknown format: "
              + file
              + " is not a video or image FFmpeg can read ("
              + FfmpegErrors.describe(e)
              + ")",
          e);
    }
    if (grabber.getImageWidth() <= 0) {
      grabber.close();
      throw new IOException("unknown format: " + file + " has no video stream");
    }
    String what =
        "video "
            + file
            + " ("
            + grabber.getFormat()
            + ", "
            + grabber.getVideoCodecName()
            + ", "
            + grabber.getImageWidth()
            + "x"
            + grabber.getImageHeight()
            + ")";
    return new GrabberSource(grabber, encoder(grabber, options), what, false);
  }

  /**
   * H.264 files pass their packets through; other videos, and H.264 with B-frames (which the
   * processor's low-delay decoder cannot take one access unit at a time), are decoded and
   * re-encoded.
   */
  private static FrameSource openH264(Path file, SourceOptions options) throws IOException {
    try {
      if (hasReorderedFrames(file)) {
        LOG.info("{} has B-frames: re-encoding it to H.264 without them", file);
        return openFile(file, options);
      }
      return H264PassthroughSource.open(file);
    } catch (IOException e) {
      if (e.getMessage() == null || !e.getMessage().contains("not H.264")) {
        throw new IOException(
            "unknown format: "
                + file
                + " is not a video FFmpeg can read ("
                + FfmpegErrors.describe(e)
                + ")",
            e);
      }
      return openFile(file, options); // another codec: re-encoded to H.264 with libopenh264
    }
  }

  private static FrameSource openLive(String source, SourceOptions options) {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source);
    String format =
        options.inputFormat() != null
            ? options.inputFormat()
            : source.startsWith("/dev/video") ? "video4linux2" : null;
    if (format != null) {
      requireDevices(format);
      grabber.setFormat(format);
    }
    if (source.startsWith("rtsp://")) {
      grabber.setOption("rtsp_transport", "tcp"); // UDP loses packets on busy networks: grey smears
    }
    grabber.setOption("timeout", "15000000"); // µs: fail on a dead stream instead of hanging
    if (options.fps() > 0 && "video4linux2".equals(format)) {
      grabber.setFrameRate(options.fps());
    }
    try {
      grabber.start();
    } catch (FFmpegFrameGrabber.Exception e) {
      try {
        grabber.close();
      } catch (org.bytedeco.javacv.FrameGrabber.Exception closing) {
        e.addSuppressed(closing);
      }
      throw CommandFailure.error("cannot open live source " + source + ": " + e.getMessage(), e);
    }
    String what =
        "live " + source + " (" + grabber.getImageWidth() + "x" + grabber.getImageHeight() + ")";
    try {
      return new GrabberSource(grabber, encoder(grabber, options), what, true);
    } catch (IOException e) {
      throw CommandFailure.error(e.getMessage(), e);
    }
  }

  /**
   * Input devices (v4l2, ...) live in libavdevice, which JavaCV loads quietly and which needs the
   * system's PulseAudio client library; without it FFmpeg only says "unknown input format".
   */
  private static void requireDevices(String format) {
    try {
      Loader.load(avdevice.class);
      avdevice.avdevice_register_all();
    } catch (LinkageError e) { // UnsatisfiedLinkError first, NoClassDefFoundError after
      throw CommandFailure.error(
          "input format "
              + format
              + " needs FFmpeg's libavdevice, which"
              + " needs the system's PulseAudio client library (Debian/Ubuntu: apt-get install libpulse0): "
              + rootMessage(e),
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** True when the file's first video stream reorders frames (B-frames: a decoder delay). */
  private static boolean hasReorderedFrames(Path file) throws IOException {
    try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(file.toFile())) {
      probe.start();
      AVFormatContext format = probe.getFormatContext();
      for (int i = 0; i < format.nb_streams(); i++) {
        AVCodecParameters params = format.streams(i).codecpar();
        if (params.codec_type() == AVMEDIA_TYPE_VIDEO) {
          return params.video_delay() > 0;
        }
      }
      return false;
    }
  }

  private static PictureEncoder encoder(FFmpegFrameGrabber grabber, SourceOptions options)
      throws IOException {
    try {
      return PictureEncoder.of(options, grabber.getFrameRate());
    } catch (IOException e) {
      grabber.close();
      throw e;
    }
  }
}
