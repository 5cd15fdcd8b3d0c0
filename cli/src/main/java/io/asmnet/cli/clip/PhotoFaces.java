package io.asmnet.cli.clip;

import io.asmnet.trainer.data.Affine2d;
import io.asmnet.trainer.data.HeadPose;
import io.asmnet.trainer.data.LabelledFace;
import io.asmnet.trainer.data.PoseFromLandmarks;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labelled faces of one photo with their label poses resolved once: the data set's pose, else
 * {@link PoseFromLandmarks} on the photo's landmarks, else none (logged). Moves them into a frame.
 */
final class PhotoFaces {
  private static final Logger LOG = LoggerFactory.getLogger(PhotoFaces.class);

  private final List<float[]> landmarks = new ArrayList<>();
  private final List<HeadPose> poses = new ArrayList<>();

  PhotoFaces(List<LabelledFace> faces, int photoWidth, int photoHeight, PoseFromLandmarks pnp) {
    for (LabelledFace face : faces) {
      landmarks.add(face.landmarks().clone());
      poses.add(face.pose() != null ? face.pose() : derive(face, photoWidth, photoHeight, pnp));
    }
  }

  private static HeadPose derive(LabelledFace face, int width, int height, PoseFromLandmarks pnp) {
    try {
      return pnp.estimate(face.landmarks(), width, height);
    } catch (IllegalArgumentException e) {
      LOG.warn("No label pose for a face in {}: {}", face.image(), e.getMessage());
      return null;
    }
  }

  /**
   * The faces in a frame.
   *
   * @param affine photo-to-frame map
   * @param rotationDeg the frame's in-plane rotation, clockwise positive (added to label roll)
   */
  List<TruthFace> inFrame(Affine2d affine, double rotationDeg, int frameWidth, int frameHeight) {
    List<TruthFace> out = new ArrayList<>(landmarks.size());
    for (int i = 0; i < landmarks.size(); i++) {
      float[] moved = affine.apply(landmarks.get(i));
      HeadPose pose = poses.get(i);
      out.add(
          new TruthFace(
              moved,
              TruthBox.around(moved),
              pose == null ? null : (double) pose.yaw(),
              pose == null ? null : (double) pose.pitch(),
              pose == null ? null : wrapDegrees(pose.roll() + rotationDeg),
              inside(moved, frameWidth, frameHeight)));
    }
    return out;
  }

  /** An angle in (-180, 180]. */
  static double wrapDegrees(double deg) {
    double wrapped = deg % 360;
    if (wrapped > 180) {
      wrapped -= 360;
    } else if (wrapped <= -180) {
      wrapped += 360;
    }
    return wrapped;
  }

  private static boolean inside(float[] xy, int width, int height) {
    for (int i = 0; i < xy.length; i += 2) {
      if (xy[i] < 0 || xy[i] > width - 1 || xy[i + 1] < 0 || xy[i + 1] > height - 1) {
        return false;
      }
    }
    return true;
  }
}
