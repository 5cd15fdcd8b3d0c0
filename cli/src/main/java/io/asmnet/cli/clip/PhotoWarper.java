package io.asmnet.cli.clip;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.asmnet.trainer.data.Affine2d;
import io.asmnet.trainer.data.DecodedImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Renders frames of one photo: holds the photo as a native BGR Mat (owned here) and an output Mat
 * reused for every frame. Uncovered frame area is mid grey rather than mirrored, so no mirrored
 * face appears that the ground truth does not know about.
 */
final class PhotoWarper implements AutoCloseable {
  private final BytePointer pixels;
  private final Mat photo;
  private final Mat frame = new Mat();
  private final Mat matrix = new Mat(2, 3, CV_64F);
  private final Size size;
  private final Scalar grey = new Scalar(128, 128, 128, 0);

  PhotoWarper(DecodedImage image, int frameWidth, int frameHeight) {
    pixels = new BytePointer(image.bgr());
    photo = new Mat(image.height(), image.width(), CV_8UC3, pixels);
    size = new Size(frameWidth, frameHeight);
  }

  /** The frame for this photo-to-frame map; valid until the next call or {@link #close()}. */
  Mat render(Affine2d affine) {
    double[] m = affine.toArray();
    try (DoubleIndexer idx = matrix.createIndexer()) {
      for (int i = 0; i < 6; i++) {
        idx.put(i / 3, i % 3, m[i]);
      }
    }
    warpAffine(photo, frame, matrix, size, INTER_LINEAR, BORDER_CONSTANT, grey);
    return frame;
  }

  @Override
  public void close() {
    frame.close();
    photo.close();
    pixels.close();
    matrix.close();
    size.close();
    grey.close();
  }
}
