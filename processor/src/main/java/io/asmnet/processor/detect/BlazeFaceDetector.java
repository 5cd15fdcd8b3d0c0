package io.asmnet.processor.detect;

import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds faces with MediaPipe's BlazeFace: the frame (and, when it is large, overlapping tiles of
 * it, see {@link TilePlan}) goes through the shared {@link BlazeFaceNet}; the 896 anchors of each
 * run are decoded (sigmoid scores, box and keypoints relative to the anchor centre), thresholded,
 * mapped to frame pixels and merged by {@link WeightedNms} across all runs. Boxes are normalised to
 * the {@link FaceRegion} with the face's roll from the eye keypoints when {@link
 * BlazeFaceConfig#upright()}. Owns its buffers, not the network. Not thread-safe: one per task.
 */
public final class BlazeFaceDetector implements FaceDetector {
  private final BlazeFaceNet net;
  private final BlazeFaceConfig config;
  private final RegionSampler sampler;
  private final float[] scores = new float[BlazeFaceAnchors.COUNT];
  private final float[] boxes = new float[BlazeFaceAnchors.COUNT * 16];
  private final float logitThreshold;

  /** Tiles need a higher score than the whole frame (see {@link #keepFromTile}). */
  static final float TILE_MIN_SCORE = 0.7f;

  public BlazeFaceDetector(BlazeFaceNet net, BlazeFaceConfig config) {
    this.net = net;
    this.config = config;
    this.sampler = new RegionSampler(net.size());
    this.logitThreshold = (float) Math.log(config.minScore() / (1 - config.minScore()));
  }

  @Override
  public List<FaceRoi> locate(Mat bgr) {
    List<FaceRoi> out = new ArrayList<>();
    for (BlazeDetection d : detections(bgr)) {
      out.add(FaceRegion.roiFromBlazeFace(d, config.upright()));
    }
    return out;
  }

  /** The merged detections of the whole frame, best first, at most {@code maxFaces}. */
  public List<BlazeDetection> detections(Mat bgr) {
    List<BlazeDetection> raw = new ArrayList<>();
    for (TilePlan.Region r :
        TilePlan.of(bgr.cols(), bgr.rows(), net.size(), config.minFaceSize()).regions()) {
      for (BlazeDetection d : detectIn(bgr, r.x0(), r.y0(), r.side())) {
        if (r.level() == 0 || keepFromTile(d, r)) {
          raw.add(d);
        }
      }
    }
    return WeightedNms.apply(raw, config.nmsIou(), config.maxFaces());
  }

  /**
   * A tile is there for faces too small for the level above: it keeps only those that lie whole
   * inside it, fit in the overlap between tiles (a larger face is whole in the level above), and
   * score higher than at level 0, because a magnified tile shows the network texture at a scale
   * where it invents faces (docs/DESIGN-NOTES.md#detector-thresholds).
   */
  private boolean keepFromTile(BlazeDetection d, TilePlan.Region r) {
    double margin = 2 * r.side() / net.size();
    boolean inside =
        d.xMin() >= r.x0() + margin
            && d.yMin() >= r.y0() + margin
            && d.xMax() <= r.x0() + r.side() - margin
            && d.yMax() <= r.y0() + r.side() - margin;
    return inside
        && Math.max(d.width(), d.height()) <= TilePlan.OVERLAP * r.side()
        && d.score() >= Math.max(config.minScore(), TILE_MIN_SCORE);
  }

  /** The merged detections of one square region, best first. */
  public List<BlazeDetection> detectionsIn(Mat bgr, double x0, double y0, double side) {
    return WeightedNms.apply(detectIn(bgr, x0, y0, side), config.nmsIou(), config.maxFaces());
  }

  /**
   * The thresholded, unmerged detections of one square region (continuous frame coordinates), in
   * frame pixel-index coordinates.
   */
  private List<BlazeDetection> detectIn(Mat bgr, double x0, double y0, double side) {
    FloatBuffer input = sampler.sample(bgr, x0, y0, side);
    try {
      net.run(input, scores, boxes);
    } catch (OrtException e) {
      throw new IllegalStateException("face detector run failed: " + e.getMessage(), e);
    }
    int size = net.size();
    double unit = side / size; // frame pixels per input pixel
    List<BlazeDetection> out = new ArrayList<>();
    for (int a = 0; a < BlazeFaceAnchors.COUNT; a++) {
      if (scores[a] < logitThreshold) {
        continue;
      }
      int b = a * 16;
      double ax = BlazeFaceAnchors.x(a) * size;
      double ay = BlazeFaceAnchors.y(a) * size;
      double cx = x0 + (ax + boxes[b]) * unit - 0.5;
      double cy = y0 + (ay + boxes[b + 1]) * unit - 0.5;
      double w = boxes[b + 2] * unit;
      double h = boxes[b + 3] * unit;
      if (!(w > 0 && h > 0)) {
        continue;
      }
      float[] k = new float[2 * BlazeDetection.KEYPOINTS];
      for (int i = 0; i < BlazeDetection.KEYPOINTS; i++) {
        k[2 * i] = (float) (x0 + (ax + boxes[b + 4 + 2 * i]) * unit - 0.5);
        k[2 * i + 1] = (float) (y0 + (ay + boxes[b + 5 + 2 * i]) * unit - 0.5);
      }
      float score = (float) (1 / (1 + Math.exp(-Math.max(-100, Math.min(100, scores[a])))));
      out.add(
          new BlazeDetection(
              score,
              (float) (cx - w / 2),
              (float) (cy - h / 2),
              (float) (cx + w / 2),
              (float) (cy + h / 2),
              k));
    }
    return out;
  }

  @Override
  public void close() {
    sampler.close();
  }
}
