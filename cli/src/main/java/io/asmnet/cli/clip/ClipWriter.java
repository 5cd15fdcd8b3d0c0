package io.asmnet.cli.clip;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes BGR frames twice: into an H.264 MP4 (the bundled FFmpeg's only H.264 encoder is
 * libopenh264; yuv420p, fixed keyframe interval) and as numbered JPEGs. Owns the recorder and the
 * frame converter; not thread-safe.
 */
final class ClipWriter implements AutoCloseable {
  static final String ENCODER = "libopenh264";
  private static final int JPEG_QUALITY = 95;

  /** Bits per pixel per frame: ~2.8 Mbit/s at 640x480x30, plenty for a still-based clip. */
  private static final double BITS_PER_PIXEL = 0.3;

  private final FFmpegFrameRecorder recorder;
  private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
  private final Path jpegDir;
  private final int width;
  private final int height;
  private int written;

  ClipWriter(Path mp4, Path jpegDir, ClipSpec spec) throws IOException {
    if (avcodec_find_encoder_by_name(ENCODER) == null) {
      throw new IOException("this FFmpeg build has no " + ENCODER + " encoder for H.264");
    }
    // openh264 warns on every start about profiles and frame skipping; only errors matter here.
    av_log_set_level(AV_LOG_ERROR);
    Files.createDirectories(jpegDir);
    this.jpegDir = jpegDir;
    this.width = spec.width();
    this.height = spec.height();
    recorder = new FFmpegFrameRecorder(mp4.toFile(), width, height, 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodecName(ENCODER);
    recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(spec.fps());
    recorder.setGopSize(spec.gopFrames());
    recorder.setVideoBitrate((int) (BITS_PER_PIXEL * width * height * spec.fps()));
    try {
      recorder.start();
    } catch (FrameRecorder.Exception e) {
      close();
      throw new IOException("cannot start the MP4 recorder for " + mp4 + ": " + e.getMessage(), e);
    }
  }

  /** Appends one frame (BGR, the clip's size) to the MP4 and writes its JPEG. */
  void write(Mat bgr) throws IOException {
    if (bgr.cols() != width || bgr.rows() != height || bgr.channels() != 3) {
      throw new IllegalArgumentException("frame must be " + width + "x" + height + " BGR");
    }
    try {
      recorder.record(converter.convert(bgr));
    } catch (FrameRecorder.Exception e) {
      throw new IOException("cannot encode frame " + written + ": " + e.getMessage(), e);
    }
    Path jpeg = jpegDir.resolve(jpegName(written));
    try (IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
      if (!imwrite(jpeg.toString(), bgr, params)) {
        throw new IOException("OpenCV could not write " + jpeg);
      }
    }
    written++;
  }

  /** The JPEG file name of a frame: {@code frame-000042.jpg}. */
  static String jpegName(long sequence) {
    return String.format("frame-%06d.jpg", sequence);
  }

  /** Flushes the encoder and finishes the MP4. */
  @Override
  public void close() throws IOException {
    try {
      recorder.close(); // stop() + release(): writes the trailer
    } catch (FrameRecorder.Exception e) {
      throw new IOException("cannot finish the MP4: " + e.getMessage(), e);
    } finally {
      converter.close();
    }
  }
}
