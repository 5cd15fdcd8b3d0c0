package io.asmnet.processor.track;

import io.asmnet.processor.detect.BlazeDetection;
import io.asmnet.processor.detect.BlazeFaceDetector;
import io.asmnet.processor.detect.FaceBox;
import io.asmnet.processor.detect.FaceRegion;
import io.asmnet.processor.detect.FaceRoi;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Confirms a tracked face with the short-range BlazeFace network on a square twice the predicted
 * box's side around it (a 128-pixel run, about a sixth of a full-frame one): the face must be found
 * there overlapping the prediction (IoU of the regions' bounds at least {@link #MIN_IOU}). The
 * confirmed face is the detection's own, so tracked frames are framed by the detector, not by the
 * landmark model's previous output. Owns the detector (its buffers; the network is shared).
 */
public final class BlazeFaceConfirmer implements FaceConfirmer {
  static final double MIN_IOU = 0.3;
  private static final double REGION_PER_BOX = 2.0;

  private final BlazeFaceDetector shortRange;
  private final boolean upright;

  public BlazeFaceConfirmer(BlazeFaceDetector shortRange, boolean upright) {
    this.shortRange = shortRange;
    this.upright = upright;
  }

  @Override
  public Optional<FaceRoi> confirm(Mat bgr, FaceRoi predicted) {
    FaceBox predictedBox = FaceRegion.box(predicted);
    double side = REGION_PER_BOX * Math.max(predictedBox.w(), predictedBox.h());
    // Continuous coordinates: the box's pixel-index centre c covers [c, c + 1), centred at c + 0.5.
    double x0 = predictedBox.centreX() + 0.5 - side / 2;
    double y0 = predictedBox.centreY() + 0.5 - side / 2;
    FaceRoi best = null;
    double bestIou = MIN_IOU;
    for (BlazeDetection d : shortRange.detectionsIn(bgr, x0, y0, side)) {
      FaceRoi found = FaceRegion.roiFromBlazeFace(d, upright);
      double iou = FaceRegion.overlap(found, predicted);
      if (iou >= bestIou) {
        bestIou = iou;
        best = found;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.withTrack(predicted.track()));
  }

  @Override
  public void close() {
    shortRange.close();
  }
}
