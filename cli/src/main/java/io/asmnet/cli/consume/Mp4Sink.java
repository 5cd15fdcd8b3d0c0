package io.asmnet.cli.consume;

import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Writes rendered frames into an H.264 MP4 (libopenh264, the bundled FFmpeg's H.264 encoder) at a
 * fixed rate. The video takes the size of the first frame (rounded down to even numbers, which
 * 4:2:0 needs); later frames of another size are scaled to it.
 */
public final class Mp4Sink implements RenderSink {
  private final Path file;
  private final double fps;
  private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
  private FFmpegFrameRecorder recorder;
  private int width;
  private int height;
  private long written;

  public Mp4Sink(Path file, double fps) {
    this.file = file;
    this.fps = fps;
  }

  @Override
  public void write(String cameraId, long sequence, Mat bgr) throws IOException {
    if (recorder == null) {
      start(bgr.cols() & ~1, bgr.rows() & ~1);
    }
    try {
      if (bgr.cols() == width && bgr.rows() == height) {
        recorder.record(converter.convert(bgr));
      } else {
        try (Mat scaled = new Mat();
            Size size = new Size(width, height)) {
          resize(bgr, scaled, size);
          recorder.record(converter.convert(scaled));
        }
      }
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new IOException("cannot write a frame to " + file + ": " + e.getMessage(), e);
    }
    written++;
  }

  private void start(int w, int h) throws IOException {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
    r.setFormat("mp4");
    r.setVideoCodecName("libopenh264");
    r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    r.setFrameRate(fps);
    r.setVideoBitrate(4_000_000);
    try {
      r.start();
    } catch (FFmpegFrameRecorder.Exception e) {
      r.close();
      throw new IOException("cannot start writing " + file + ": " + e.getMessage(), e);
    }
    this.recorder = r;
    this.width = w;
    this.height = h;
  }

  @Override
  public long written() {
    return written;
  }

  @Override
  public void close() throws IOException {
    converter.close();
    if (recorder != null) {
      try {
        recorder.close(); // stop() then release(): writes the MP4 index
      } catch (FFmpegFrameRecorder.Exception e) {
        throw new IOException("cannot finish " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
