package io.asmnet.cli.publish;

import java.io.IOException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pictures decoded by FFmpeg ({@link FFmpegFrameGrabber}: any file FFmpeg reads, a V4L2 webcam, an
 * RTSP stream) and encoded by a {@link PictureEncoder}. Timestamps are the grabber's, microseconds
 * from the start of the stream. Owns the grabber.
 */
public final class GrabberSource extends EncodingSource {
  private final FFmpegFrameGrabber grabber;
  private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
  private final String description;
  private final long size;

  /**
   * @param grabber a started grabber; this source closes it
   * @param description what it reads, for messages
   * @param live true for cameras and streams (no known length)
   */
  public GrabberSource(
      FFmpegFrameGrabber grabber, PictureEncoder encoder, String description, boolean live) {
    super(encoder);
    this.grabber = grabber;
    this.description = description;
    int frames = grabber.getLengthInVideoFrames();
    this.size = live || frames <= 0 ? -1 : frames;
  }

  @Override
  protected boolean read(PictureSink sink) throws IOException {
    Frame picture;
    try {
      picture = grabber.grabImage();
    } catch (FFmpegFrameGrabber.Exception e) {
      throw new IOException("cannot read " + description + ": " + e.getMessage(), e);
    }
    if (picture == null) {
      return false;
    }
    // The Mat shares the grabber's buffer: encode before the next grab.
    Mat bgr = converter.convert(picture);
    sink.accept(bgr, Math.max(-1, picture.timestamp));
    return true;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  protected void closeReader() throws IOException {
    converter.close();
    grabber.close();
  }
}
