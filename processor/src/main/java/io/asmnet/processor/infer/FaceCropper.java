package io.asmnet.processor.infer;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.asmnet.processor.detect.FaceRoi;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts the square {@link CropGeometry} around a face out of a BGR frame, turned upright when the
 * face carries an angle, and resizes it to 224x224 in one OpenCV affine warp (bilinear), written
 * straight into a batch slot. Parts of the square outside the frame are black, as in the trainer's
 * crops, so a face at the edge still gives a full crop the model has seen the like of. Thread-safe:
 * each call writes only to its slot.
 */
public final class FaceCropper implements AutoCloseable {
  private final Size size = new Size(LandmarkModel.SIZE, LandmarkModel.SIZE);
  private final Scalar border = new Scalar(0.0);
  private final double margin;

  /**
   * @param margin crop margin per side, fraction of the face's extent: the model's {@link
   *     ModelContract#cropMargin}
   */
  public FaceCropper(double margin) {
    this.margin = margin;
  }

  /**
   * Writes the crop of the face at {@code roi} from the CV_8UC3 {@code bgr} frame into {@code
   * slot}.
   */
  public CropGeometry crop(Mat bgr, FaceRoi roi, CropSlot slot) {
    if (bgr.type() != CV_8UC3) {
      // warpAffine would silently reallocate the slot to the frame's type, away from the batch
      // buffer.
      throw new IllegalArgumentException(
          "frame must be 8-bit BGR (CV_8UC3), got OpenCV type " + bgr.type());
    }
    CropGeometry g = CropGeometry.of(roi, margin);
    double[] a = g.affine();
    DoubleIndexer m = slot.affineIndexer();
    m.put(0, 0, a[0]).put(0, 1, a[1]).put(0, 2, a[2]);
    m.put(1, 0, a[3]).put(1, 1, a[4]).put(1, 2, a[5]);
    // dst already has the right size and type, so OpenCV writes into the slot's memory.
    warpAffine(bgr, slot.pixels(), slot.affine(), size, INTER_LINEAR, BORDER_CONSTANT, border);
    return g;
  }

  @Override
  public void close() {
    border.close();
    size.close();
  }
}
