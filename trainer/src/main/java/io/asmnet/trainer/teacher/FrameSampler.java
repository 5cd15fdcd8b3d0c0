package io.asmnet.trainer.teacher;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Samples a video every {@code stride} frames (frames 0, stride, 2 stride, ... in decode order)
 * with JavaCV's {@link FFmpegFrameGrabber} and writes each sample as a lossless PNG, so that
 * near-identical neighbouring frames do not dominate a data set and every later step (the dlib
 * teacher, training) reads plain image files. Files already there are kept (idempotent).
 */
public final class FrameSampler {
  /** One sampled frame. */
  public record Sampled(int frame, Path png) {}

  /**
   * @param video the video file
   * @param stride keep one frame in this many (>= 1)
   * @param folder where the PNGs go, named {@code %06d.png} by frame index
   */
  public List<Sampled> sample(Path video, int stride, Path folder) throws IOException {
    if (stride < 1) {
      throw new IllegalArgumentException("stride must be >= 1");
    }
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    Files.createDirectories(folder);
    List<Sampled> out = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat()) {
      grabber.start();
      int index = 0;
      for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage(), index++) {
        if (index % stride != 0) {
          continue;
        }
        Path png = folder.resolve(String.format("%06d.png", index));
        if (!Files.isRegularFile(png)) {
          Mat mat = toMat.convert(frame);
          Path tmp = folder.resolve(String.format("%06d.tmp.png", index));
          if (!imwrite(tmp.toString(), mat)) {
            throw new IOException("cannot write " + tmp);
          }
          Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        out.add(new Sampled(index, png));
      }
      grabber.stop();
    }
    return out;
  }
}
