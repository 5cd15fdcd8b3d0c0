package io.asmnet.cli.replay;

import io.asmnet.cli.clip.TruthBox;
import io.asmnet.cli.clip.TruthFace;
import io.asmnet.schemas.avro.Box;
import io.asmnet.schemas.avro.Face;
import io.asmnet.schemas.avro.Point;
import io.asmnet.trainer.eval.Nme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs the faces of one event with the true faces of its frame, one to one.
 *
 * <p>A pair is eligible when the event's box overlaps the true landmark box with IoU above {@value
 * #MIN_IOU}, or when the event's landmarks are within NME {@value #MAX_NME} of the truth. Either
 * suffices because detector boxes follow their own convention (a Haar box is larger and higher than
 * the landmark box), while a face found by tracking is judged best by its points. Eligible pairs
 * are taken greedily by ascending NME, so each face is used once. An event face with a non-finite
 * box or point, or without 68 points, matches nothing (it counts as an extra face), so one broken
 * output cannot turn the averages into NaN.
 */
final class FaceMatcher {
  static final double MIN_IOU = 0.3;
  static final double MAX_NME = 0.5;

  /** One matched pair: indexes into the true and the event face lists. */
  record Match(int truthIndex, int eventIndex, double nme) {}

  private FaceMatcher() {}

  static List<Match> match(List<TruthFace> truth, List<Face> events) {
    List<Match> candidates = new ArrayList<>();
    for (int t = 0; t < truth.size(); t++) {
      float[] trueLm = truth.get(t).landmarks();
      for (int e = 0; e < events.size(); e++) {
        Face face = events.get(e);
        double nme = nme(face, trueLm);
        if (Double.isFinite(nme)
            && (box(face).iou(truth.get(t).box()) > MIN_IOU || nme < MAX_NME)) {
          candidates.add(new Match(t, e, nme));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Match::nme));
    boolean[] truthUsed = new boolean[truth.size()];
    boolean[] eventUsed = new boolean[events.size()];
    List<Match> out = new ArrayList<>();
    for (Match m : candidates) {
      if (!truthUsed[m.truthIndex()] && !eventUsed[m.eventIndex()]) {
        truthUsed[m.truthIndex()] = true;
        eventUsed[m.eventIndex()] = true;
        out.add(m);
      }
    }
    return out;
  }

  /** NME of an event face; NaN when it has no 68 finite points or its box is not finite. */
  static double nme(Face face, float[] truth) {
    List<Point> points = face.getLandmarks();
    Box b = face.getBox();
    if (points.size() != 68 || !finite(b.getX(), b.getY(), b.getW(), b.getH())) {
      return Double.NaN;
    }
    float[] xy = new float[136];
    for (int i = 0; i < 68; i++) {
      xy[2 * i] = points.get(i).getX();
      xy[2 * i + 1] = points.get(i).getY();
      if (!finite(xy[2 * i], xy[2 * i + 1])) {
        return Double.NaN;
      }
    }
    try {
      return Nme.of(xy, truth);
    } catch (IllegalArgumentException e) { // a degenerate true face (eye corners coincide)
      return Double.NaN;
    }
  }

  private static boolean finite(float... values) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Only called once {@link #nme} has checked that the box is finite. */
  private static TruthBox box(Face face) {
    Box b = face.getBox();
    return new TruthBox(b.getX(), b.getY(), Math.max(0, b.getW()), Math.max(0, b.getH()));
  }
}
