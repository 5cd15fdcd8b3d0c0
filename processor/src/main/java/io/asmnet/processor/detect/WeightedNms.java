package io.asmnet.processor.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression for BlazeFace: detections are taken best first; each
 * one absorbs every remaining detection that overlaps it by more than the IoU threshold, and the
 * result is their score-weighted mean box and keypoints with the best one's score. Blending
 * steadies the boxes from one frame to the next more than keeping the single best would.
 */
final class WeightedNms {
  private WeightedNms() {}

  static List<BlazeDetection> apply(
      List<BlazeDetection> detections, double iouThreshold, int maxFaces) {
    List<BlazeDetection> remaining = new ArrayList<>(detections);
    remaining.sort(Comparator.comparingDouble(BlazeDetection::score).reversed());
    List<BlazeDetection> out = new ArrayList<>();
    while (!remaining.isEmpty() && out.size() < maxFaces) {
      BlazeDetection best = remaining.get(0);
      List<BlazeDetection> cluster = new ArrayList<>();
      List<BlazeDetection> rest = new ArrayList<>();
      for (BlazeDetection d : remaining) {
        (d == best || best.iou(d) > iouThreshold ? cluster : rest).add(d);
      }
      out.add(blend(best.score(), cluster));
      remaining = rest;
    }
    return out;
  }

  private static BlazeDetection blend(float score, List<BlazeDetection> cluster) {
    double total = 0;
    double x0 = 0;
    double y0 = 0;
    double x1 = 0;
    double y1 = 0;
    double[] k = new double[2 * BlazeDetection.KEYPOINTS];
    for (BlazeDetection d : cluster) {
      double w = d.score();
      total += w;
      x0 += w * d.xMin();
      y0 += w * d.yMin();
      x1 += w * d.xMax();
      y1 += w * d.yMax();
      for (int i = 0; i < k.length; i++) {
        k[i] += w * d.keypoints()[i];
      }
    }
    float[] keypoints = new float[k.length];
    for (int i = 0; i < k.length; i++) {
      keypoints[i] = (float) (k[i] / total);
    }
    return new BlazeDetection(
        score,
        (float) (x0 / total),
        (float) (y0 / total),
        (float) (x1 / total),
        (float) (y1 / total),
        keypoints);
  }
}
