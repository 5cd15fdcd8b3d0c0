package io.asmnet.processor.infer;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One face's place in a batch buffer: a 224x224x3 uint8 {@link Mat} whose pixels are that slot of
 * the batch's direct buffer (so a crop is written straight into the model input), and a 2x3 affine
 * matrix to build the crop with. Owned by {@link BatchBuffer}; one writer at a time.
 */
public final class CropSlot {
  private final Mat pixels;
  private final Mat affine;
  private final DoubleIndexer affineIndexer;

  CropSlot(Mat pixels, Mat affine) {
    this.pixels = pixels;
    this.affine = affine;
    this.affineIndexer = affine.createIndexer();
  }

  /** 224x224 CV_8UC3 view of the slot; write BGR pixels here. */
  public Mat pixels() {
    return pixels;
  }

  Mat affine() {
    return affine;
  }

  DoubleIndexer affineIndexer() {
    return affineIndexer;
  }

  void close() {
    affineIndexer.close();
    affine.close();
    pixels.close();
  }
}
