package io.asmnet.cli.replay;

/**
 * Landmark and pose accuracy over the frames that got an event, counting only true faces that lie
 * wholly inside the frame. A value is null when nothing could be measured (no such face, no match,
 * no label pose).
 *
 * @param trueFaces true in-frame faces in frames that got an event
 * @param foundFaces of those, how many an event face matched (see {@link FaceMatcher})
 * @param extraFaces event faces that matched no true face (false detections)
 * @param recall foundFaces / trueFaces
 * @param nmeMean mean NME of matched faces (mean point error / outer-eye-corner distance)
 * @param nmeMedian median NME of matched faces
 * @param failureRate share of matched faces with NME above 0.1
 * @param rollMaeDeg mean absolute roll error, degrees, against the exact roll
 * @param yawMaeDeg mean absolute yaw error, degrees, against the photo's label pose
 * @param pitchMaeDeg mean absolute pitch error, degrees, against the photo's label pose
 */
public record Accuracy(
    int trueFaces,
    int foundFaces,
    int extraFaces,
    Double recall,
    Double nmeMean,
    Double nmeMedian,
    Double failureRate,
    Double rollMaeDeg,
    Double yawMaeDeg,
    Double pitchMaeDeg) {
  public Accuracy {
    if (trueFaces < 0 || foundFaces < 0 || extraFaces < 0 || foundFaces > trueFaces) {
      throw new IllegalArgumentException("need 0 <= foundFaces <= trueFaces, extraFaces >= 0");
    }
  }
}
