package io.asmnet.trainer.data;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Applies a {@link Degradation} to a BGR crop, in its documented order. Callers hold a {@code
 * PointerScope}: every Mat made here belongs to it.
 */
final class CropDegrader {
  private CropDegrader() {}

  static Mat apply(Mat bgr, Degradation d) {
    if (bgr.type() != CV_8UC3) {
      throw new IllegalArgumentException("a BGR crop is needed");
    }
    Mat img = bgr;
    double[] gain = d.channelGain();
    if (gain[0] != 1 || gain[1] != 1 || gain[2] != 1) {
      MatVector channels = new MatVector();
      split(img, channels);
      for (int c = 0; c < 3; c++) {
        channels.get(c).convertTo(channels.get(c), -1, gain[c], 0);
      }
      Mat merged = new Mat();
      merge(channels, merged);
      img = merged;
    }
    if (d.grey()) {
      Mat grey = new Mat();
      cvtColor(img, grey, COLOR_BGR2GRAY);
      Mat back = new Mat();
      cvtColor(grey, back, COLOR_GRAY2BGR);
      img = back;
    }
    Degradation.Occlusion o = d.occlusion();
    if (o != null) {
      img = img == bgr ? bgr.clone() : img;
      rectangle(
          img,
          new Rect(o.x(), o.y(), o.width(), o.height()),
          new Scalar(o.blue(), o.green(), o.red(), 0),
          FILLED,
          8,
          0);
    }
    if (d.blurSigma() > 0) {
      Mat blurred = new Mat();
      GaussianBlur(img, blurred, new Size(0, 0), d.blurSigma());
      img = blurred;
    }
    if (d.lowResSide() > 0 && d.lowResSide() < img.cols()) {
      Mat small = new Mat();
      resize(img, small, new Size(d.lowResSide(), d.lowResSide()), 0, 0, INTER_AREA);
      Mat big = new Mat();
      resize(small, big, new Size(img.cols(), img.rows()), 0, 0, INTER_LINEAR);
      img = big;
    }
    if (d.jpegQuality() > 0) {
      BytePointer jpeg = new BytePointer();
      if (!imencode(".jpg", img, jpeg, new IntPointer(IMWRITE_JPEG_QUALITY, d.jpegQuality()))) {
        throw new IllegalStateException("OpenCV could not encode a JPEG");
      }
      img = imdecode(new Mat(1, (int) jpeg.limit(), CV_8UC1, jpeg), IMREAD_COLOR);
    }
    return img;
  }
}
