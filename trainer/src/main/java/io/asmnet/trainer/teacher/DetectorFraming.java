package io.asmnet.trainer.teacher;

import io.asmnet.trainer.data.LabelledFace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far a detector's box, read the way the processor reads BlazeFace's (side {@value
 * #SIDE_PER_EXTENT} landmark extents, centre {@value #SHIFT_UP_PER_EXTENT} extents above the
 * landmarks' centre: {@code FaceRegion.BLAZEFACE} in the processor), misplaces the crop of a
 * labelled face. The training crop is centred on the landmarks' box and sized by its extent, so
 * these residuals are exactly the framing error of the processor's crop on a detected face.
 */
public final class DetectorFraming {
  /** The processor's BlazeFace calibration: box side over landmark extent. */
  public static final double SIDE_PER_EXTENT = 1.0;

  /** And the box centre's height above the landmarks' centre, in extents. */
  public static final double SHIFT_UP_PER_EXTENT = 0.06;

  /** A box overlapping the landmarks' box less than this is another face (or none). */
  static final double MIN_IOU = 0.3;

  /**
   * One face's residuals.
   *
   * @param dx box-implied centre minus the landmarks' centre, x, in extents
   * @param dy the same in y (positive: the crop sits too low)
   * @param logScale log of the box-implied extent over the true extent (positive: crop too big)
   */
  public record Residual(double dx, double dy, double logScale) {}

  /**
   * Robust summary of one residual: median, sd from the median absolute deviation, 5th/95th
   * percentiles.
   */
  public record Spread(double median, double robustSd, double p5, double p95) {
    /**
     * The sd of the normal whose 5-95 % span is this one's: unlike the robust sd, it keeps the
     * tails.
     */
    public double spanSd() {
      return (p95 - p5) / 3.29;
    }

    static Spread of(double[] values) {
      double[] v = values.clone();
      Arrays.sort(v);
      double median = quantile(v, 0.5);
      double[] dev = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        dev[i] = Math.abs(v[i] - median);
      }
      Arrays.sort(dev);
      return new Spread(median, 1.4826 * quantile(dev, 0.5), quantile(v, 0.05), quantile(v, 0.95));
    }
  }

  /** The summary over many faces. */
  public record Summary(int faces, int missed, Spread dx, Spread dy, Spread logScale) {}

  private final List<Residual> residuals = new ArrayList<>();
  private int missed;

  /**
   * Adds one labelled face and the detector's boxes on its photo; a face no box overlaps by {@value
   * #MIN_IOU} counts as missed.
   */
  public void add(LabelledFace face, List<BlazeFaceBoxes.Box> boxes) {
    float[] b = MeshCrop.bounds(face.landmarks());
    double minX = b[0];
    double minY = b[1];
    double maxX = b[2];
    double maxY = b[3];
    double extent = Math.max(maxX - minX, maxY - minY);
    BlazeFaceBoxes.Box truth =
        new BlazeFaceBoxes.Box((minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY, 1);
    BlazeFaceBoxes.Box best = null;
    double bestIou = MIN_IOU;
    for (BlazeFaceBoxes.Box box : boxes) {
      double iou = BlazeFaceBoxes.iou(box, truth);
      if (iou >= bestIou) {
        bestIou = iou;
        best = box;
      }
    }
    if (best == null || !(extent > 0)) {
      missed++;
      return;
    }
    double implied = Math.max(best.width(), best.height()) / SIDE_PER_EXTENT;
    double cy = best.cy() + SHIFT_UP_PER_EXTENT * implied;
    residuals.add(
        new Residual(
            (best.cx() - truth.cx()) / extent,
            (cy - truth.cy()) / extent,
            Math.log(implied / extent)));
  }

  public List<Residual> residuals() {
    return List.copyOf(residuals);
  }

  public Summary summary() {
    if (residuals.isEmpty()) {
      throw new IllegalStateException("no face was detected: nothing to summarise");
    }
    return new Summary(
        residuals.size(),
        missed,
        Spread.of(residuals.stream().mapToDouble(Residual::dx).toArray()),
        Spread.of(residuals.stream().mapToDouble(Residual::dy).toArray()),
        Spread.of(residuals.stream().mapToDouble(Residual::logScale).toArray()));
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
