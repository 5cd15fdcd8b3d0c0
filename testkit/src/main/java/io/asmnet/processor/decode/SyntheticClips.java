package io.asmnet.processor.decode;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Writes small synthetic test clips with the bundled FFmpeg (H.264 through libopenh264). */
public final class SyntheticClips {
  private SyntheticClips() {}

  /**
   * A moving pattern, {@code frames} pictures of {@code width x height} at 25 fps, one keyframe
   * every {@code gop} pictures, written as MP4 to {@code file}.
   */
  public static Path movingPattern(Path file, int width, int height, int frames, int gop)
      throws Exception {
    return movingPattern(file, "mp4", width, height, frames, gop);
  }

  /** As above in the given container format ("mp4", "matroska", or "h264" for raw Annex-B). */
  public static Path movingPattern(
      Path file, String format, int width, int height, int frames, int gop) throws Exception {
    return record(file, format, width, height, frames, gop, i -> pattern(width, height, i));
  }

  /**
   * Records {@code frames} BGR pictures made by {@code pictures} (each closed after use), one
   * keyframe every {@code gop} pictures, 25 fps, in the given container format.
   */
  public static Path record(
      Path file,
      String format,
      int width,
      int height,
      int frames,
      int gop,
      IntFunction<Mat> pictures)
      throws Exception {
    avutil.av_log_set_level(
        avutil.AV_LOG_ERROR); // libopenh264 warns about every default it changes
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      recorder.setFormat(format);
      recorder.setVideoCodecName("libopenh264");
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(25);
      recorder.setGopSize(gop);
      recorder.setVideoBitrate(2_000_000);
      recorder.start();
      for (int i = 0; i < frames; i++) {
        try (Mat picture = pictures.apply(i)) {
          recorder.record(converter.convert(picture));
        }
      }
      recorder.stop();
    }
    return file;
  }

  /** Picture {@code i} of the pattern: a gradient-coloured field with a moving square and disc. */
  public static Mat pattern(int width, int height, int i) {
    Mat picture = new Mat(height, width, CV_8UC3, new Scalar(40 + (i * 3) % 100, 90, 160, 0));
    int x = (i * 7) % Math.max(1, width - 60);
    try (Rect square = new Rect(x, height / 4, 60, 60);
        Scalar white = new Scalar(250, 250, 250, 0);
        Point centre = new Point(width - 40 - x / 2, height / 2 + 40);
        Scalar red = new Scalar(20, 20, 230, 0)) {
      rectangle(picture, square, white, -1, 8, 0);
      circle(picture, centre, 25, red, -1, 8, 0);
    }
    return picture;
  }

  /**
   * The pictures of a raw Annex-B clip ({@code format "h264"} above), one unit per picture, as the
   * demuxer's parser splits them: no container to unwrap, so nothing of the publisher's reader
   * (which turns MP4/MKV into Annex-B) is needed or copied here.
   */
  public static List<ClipUnit> units(Path rawH264) throws Exception {
    List<ClipUnit> units = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(rawH264.toFile())) {
      grabber.setFormat("h264");
      grabber.start();
      AVPacket packet;
      while ((packet = grabber.grabPacket()) != null) {
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        units.add(
            new ClipUnit(
                data,
                (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0,
                grabber.getImageWidth(),
                grabber.getImageHeight()));
      }
      grabber.stop();
    }
    return units;
  }
}
